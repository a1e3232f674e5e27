/** Who receives what, decided without the database so the rules read in one place. */
export interface Recipient {
  userId: string;
  online: boolean;
  pushRegistered: boolean;
}

export interface Delivery {
  userId: string;
  kind: "group" | "broadcast" | "push";
  /** Online at send time; false = kept for the next login. */
  delivered: boolean;
  unread: boolean;
}

interface GroupSend {
  members: Recipient[];
  sender: Recipient;
  targetOption?: { ReceiverUserIds: string[]; Inclusive: boolean };
  noUnread: boolean;
  offlinePush: boolean;
  /** Command messages are signalling and never count as unread. */
  countsAsUnread: boolean;
}

/**
 * A group message reaches every member (Inclusive true: only the listed ones; false: all but the listed ones),
 * and the sender always sees his own message. A targeted message never counts as unread, whatever NoUnread
 * says. Offline receivers keep it for their next login; those with push registered also get an offline push
 * when MessageBody.OfflinePush.Enable = 1.
 */
export function planGroupDelivery(send: GroupSend): Delivery[] {
  const listed = new Set(send.targetOption?.ReceiverUserIds ?? []);
  const inclusive = send.targetOption?.Inclusive ?? false;
  const unread = send.countsAsUnread && !send.noUnread && !send.targetOption;
  const deliveries: Delivery[] = [
    { userId: send.sender.userId, kind: "group", delivered: send.sender.online, unread: false },
  ];
  for (const member of send.members) {
    if (member.userId === send.sender.userId) continue;
    if (send.targetOption && listed.has(member.userId) !== inclusive) continue;
    deliveries.push({ userId: member.userId, kind: "group", delivered: member.online, unread });
    if (send.offlinePush && !member.online && member.pushRegistered) {
      deliveries.push({ userId: member.userId, kind: "push", delivered: true, unread: false });
    }
  }
  return deliveries;
}

/**
 * SendMessageToAllUsers (zim-api.md §5, D6 default 0): PushType 0 reaches online users; 1 also sends an offline
 * push to offline users with push registered; 2 sends an offline push to every user with push registered.
 * Broadcasts create no conversation, so they never count as unread.
 */
export function planBroadcast(users: Recipient[], pushType: 0 | 1 | 2): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const user of users) {
    if (pushType !== 2 && user.online) {
      deliveries.push({ userId: user.userId, kind: "broadcast", delivered: true, unread: false });
    }
    const push = pushType === 2 ? user.pushRegistered : pushType === 1 && !user.online && user.pushRegistered;
    if (push) deliveries.push({ userId: user.userId, kind: "push", delivered: true, unread: false });
  }
  return deliveries;
}
