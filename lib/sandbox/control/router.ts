import "server-only";
import {
  deleteFaultsRoute,
  getFaults,
  getIndex,
  getSettingsRoute,
  getStats,
  postReset,
  putFaults,
  putSettings,
} from "./admin-routes";
import { controlError } from "./respond";
import type { ControlContext, ControlMethod, ControlRoute } from "./types";
import {
  getBroadcasts,
  getGroups,
  getInbox,
  getMembers,
  getMessages,
  getUnread,
  getUsers,
  postGroups,
  postUsers,
} from "./world-routes";

/** Paths under <basePath>/_sandbox/, never on the real API's "/". */
const ROUTES: Record<string, Partial<Record<ControlMethod, ControlRoute>>> = {
  "": { GET: getIndex },
  users: { GET: getUsers, POST: postUsers },
  groups: { GET: getGroups, POST: postGroups },
  members: { GET: getMembers },
  messages: { GET: getMessages },
  broadcasts: { GET: getBroadcasts },
  inbox: { GET: getInbox },
  unread: { GET: getUnread },
  faults: { GET: getFaults, PUT: putFaults, DELETE: deleteFaultsRoute },
  settings: { GET: getSettingsRoute, PUT: putSettings },
  stats: { GET: getStats },
  reset: { POST: postReset },
};

export async function routeControl(path: string, ctx: ControlContext): Promise<Response> {
  const route = ROUTES[path.replace(/^\/+|\/+$/g, "")];
  if (!route) return controlError(404, `No sandbox control endpoint at /_sandbox/${path}`);
  const handler = route[ctx.request.method as ControlMethod];
  if (!handler) {
    const allowed = Object.keys(route).join(", ");
    const response = controlError(405, `Use ${allowed} here`);
    response.headers.set("allow", allowed);
    return response;
  }
  return handler(ctx);
}
