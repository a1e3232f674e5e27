import "server-only";
import { SANDBOX_ACTIONS } from "../actions/names";
import { deleteFaults, listFaults, putFault } from "../world/faults";
import { resetSandboxWorld } from "../world/seed";
import { getSettings, updateSettings } from "../world/settings";
import { listGroups } from "../world/groups";
import { listUsers } from "../world/users";
import { json, parseInput, queryObject, readJson } from "./respond";
import { faultDeleteQuerySchema, faultInputSchema, settingsPatchSchema } from "./schemas";
import type { ControlRoute } from "./types";

export const getIndex: ControlRoute = async ({ appId }) =>
  json({
    AppId: appId,
    Actions: SANDBOX_ACTIONS,
    Endpoints: [
      "GET users", "POST users", "GET groups", "POST groups", "GET members?GroupId=", "GET messages?GroupId=",
      "GET broadcasts", "GET inbox?UserId=[&Kind=][&GroupId=]", "GET unread?UserId=", "GET faults", "PUT faults",
      "DELETE faults[?Action=]", "GET settings", "PUT settings", "GET stats", "POST reset",
    ],
  });

/** API calls answered since start or the last reset, per Action: accepted, rate-limited, rejected. */
export const getStats: ControlRoute = async ({ callStats }) => json(callStats());

export const getFaults: ControlRoute = async ({ db }) => json({ Faults: await listFaults(db) });

export const putFaults: ControlRoute = async ({ db, now, request }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = parseInput(faultInputSchema, body.data);
  if (!input.ok) return input.response;
  return json({ Fault: await putFault(db, input.data, now()) });
};

export const deleteFaultsRoute: ControlRoute = async ({ db, url }) => {
  const query = parseInput(faultDeleteQuerySchema, queryObject(url));
  if (!query.ok) return query.response;
  return json({ Deleted: await deleteFaults(db, query.data.Action) });
};

export const getSettingsRoute: ControlRoute = async ({ db }) => json({ Settings: await getSettings(db) });

export const putSettings: ControlRoute = async ({ db, request }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = parseInput(settingsPatchSchema, body.data);
  if (!input.ok) return input.response;
  return json({ Settings: await updateSettings(db, input.data) });
};

/** Back to the sample world; the per-second windows are forgotten too, the ServerSecret is kept. */
export const postReset: ControlRoute = async ({ db, now, resetRateLimits }) => {
  await resetSandboxWorld(db, now());
  resetRateLimits();
  return json({ Users: (await listUsers(db)).length, Groups: (await listGroups(db)).length });
};
