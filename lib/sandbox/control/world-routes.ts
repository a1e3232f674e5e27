import "server-only";
import { listBroadcasts } from "../world/broadcasts";
import { createGroupWithMembers } from "../world/group-setup";
import { findGroup, listGroups } from "../world/groups";
import { inboxOf, unreadCountsOf } from "../world/inbox";
import { listMembers } from "../world/members";
import { listGroupMessages } from "../world/messages";
import { findUser, listUsers, upsertUsers } from "../world/users";
import { controlError, json, parseInput, queryObject, readJson } from "./respond";
import { groupQuerySchema, groupSetupSchema, inboxQuerySchema, userInputSchema, userQuerySchema } from "./schemas";
import type { ControlRoute } from "./types";

export const getUsers: ControlRoute = async ({ db }) => json({ Users: await listUsers(db) });

/** Adds a user or changes the given flags of an existing one (online, push registered, registered). */
export const postUsers: ControlRoute = async ({ db, now, request }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = parseInput(userInputSchema, body.data);
  if (!input.ok) return input.response;
  await upsertUsers(db, [input.data], now());
  return json({ User: await findUser(db, input.data.UserId) });
};

export const getGroups: ControlRoute = async ({ db }) => json({ Groups: await listGroups(db) });

export const postGroups: ControlRoute = async ({ db, now, request }) => {
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const input = parseInput(groupSetupSchema, body.data);
  if (!input.ok) return input.response;
  if (!(await createGroupWithMembers(db, input.data, now()))) {
    return controlError(409, `Group ${input.data.GroupId} already exists`);
  }
  const group = (await listGroups(db)).find((g) => g.GroupId === input.data.GroupId);
  return json({ Group: group, Members: await listMembers(db, input.data.GroupId) }, 201);
};

/** Shared by members and messages: both need an existing GroupId. */
async function withGroup(ctx: Parameters<ControlRoute>[0], answer: (groupId: string) => Promise<Response>) {
  const query = parseInput(groupQuerySchema, queryObject(ctx.url));
  if (!query.ok) return query.response;
  if (!(await findGroup(ctx.db, query.data.GroupId))) {
    return controlError(404, `Group ${query.data.GroupId} does not exist`);
  }
  return answer(query.data.GroupId);
}

export const getMembers: ControlRoute = (ctx) =>
  withGroup(ctx, async (groupId) => json({ Members: await listMembers(ctx.db, groupId) }));

export const getMessages: ControlRoute = (ctx) =>
  withGroup(ctx, async (groupId) => json({ Messages: await listGroupMessages(ctx.db, groupId) }));

export const getBroadcasts: ControlRoute = async ({ db }) => json({ Broadcasts: await listBroadcasts(db) });

export const getInbox: ControlRoute = async ({ db, url }) => {
  const query = parseInput(inboxQuerySchema, queryObject(url));
  if (!query.ok) return query.response;
  const { UserId, ...filter } = query.data;
  return json({ Messages: await inboxOf(db, UserId, filter) });
};

export const getUnread: ControlRoute = async ({ db, url }) => {
  const query = parseInput(userQuerySchema, queryObject(url));
  if (!query.ok) return query.response;
  return json({ Unread: await unreadCountsOf(db, query.data.UserId) });
};
