/**
 * The world a fresh sandbox starts with: an "ops" sender that owns four groups of 2, 5, 12 and 48 members, and
 * 48 users in a fixed mix of online/offline and push/no push (i % 3 = 1 → online, i even → push), so every
 * delivery case (online, offline with push, offline without push) exists in every group but the pair
 * (ops and user-01, online).
 * "user-48" belongs to no group.
 */
export const SAMPLE_SENDER = "ops";

export interface SampleUser {
  UserId: string;
  UserName: string;
  Online: boolean;
  PushRegistered: boolean;
}

export interface SampleGroup {
  GroupId: string;
  GroupName: string;
  /** Members besides the owner (the sender), with their role. */
  Members: { UserId: string; Role: 2 | 3 }[];
}

const pad = (i: number) => String(i).padStart(2, "0");

export function sampleUsers(): SampleUser[] {
  const users: SampleUser[] = [{ UserId: SAMPLE_SENDER, UserName: "Operations", Online: false, PushRegistered: false }];
  for (let i = 1; i <= 48; i++) {
    const id = pad(i);
    users.push({ UserId: `user-${id}`, UserName: `User ${id}`, Online: i % 3 === 1, PushRegistered: i % 2 === 0 });
  }
  return users;
}

function members(count: number): SampleGroup["Members"] {
  // user-01 is an admin of the larger groups, so every Role shows up in QueryGroupMemberList.
  return Array.from({ length: count }, (_, k) => ({
    UserId: `user-${pad(k + 1)}`,
    Role: k === 0 && count > 4 ? 2 : 3,
  }));
}

export function sampleGroups(): SampleGroup[] {
  return [
    { GroupId: "sample-pair", GroupName: "Pair", Members: members(1) },
    { GroupId: "sample-team", GroupName: "Team", Members: members(4) },
    { GroupId: "sample-club", GroupName: "Club", Members: members(11) },
    { GroupId: "sample-fans", GroupName: "Fans", Members: members(47) },
  ];
}
