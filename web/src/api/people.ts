import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { groupsListKey, habitsKey, usePartnerList } from './habits';
import type { components } from './schema';
import { todayKey } from './today';

type S = components['schemas'];
export type Partner = S['PartnerDto'];
export type PartnerHabit = S['PartnerHabitDto'];
export type PartnerCalendar = S['PartnerCalendarDto'];
export type SharedDay = S['SharedDayDto'];
export type Group = S['GroupDto'];
export type Member = S['MemberDto'];
export type Challenge = S['ChallengeDto'];
export type ChallengeInput = S['ChallengeInput'];
export type Standing = S['StandingDto'];
export type Waiting = S['WaitingDto'];
export type Verdict = S['VerdictDto'];

/** An invitation as the server answers it; `from` of a received one also carries the sender's email. */
export type Invitation = S['InvitationDto'];
export interface Invitations {
  received: Invitation[];
  sent: Invitation[];
}

/** An invite code (POST /partners/invite-codes, POST /groups/{id}/invite-codes; untyped in the document). */
export interface InviteCode {
  code?: string;
  expiresAt?: string;
}

/** The answer of POST /partners/{userId}/nudges. */
export type NudgeResult = components['schemas']['NudgeDto'];

/** Everything about partners starts with this key (the habit form's partner list too). */
export const partnersKey = ['partners'] as const;
export const invitationsKey = ['partners', 'invitations'] as const;
/** A partner's shared habits; their calendars start with this key. */
export const partnerHabitsKey = (userId: string) => ['partners', 'habits', userId] as const;
export const partnerCalendarKey = (userId: string, habitId: string) => ['partners', 'habits', userId, habitId] as const;
/** Everything about groups starts with this key (the habit form's group list too). */
export const groupsKey = ['groups'] as const;
export const groupKey = (id: string) => ['groups', 'one', id] as const;
export const challengesKey = (groupId: string) => ['groups', 'one', groupId, 'challenges'] as const;
export const leaderboardKey = (groupId: string, cid: string) =>
  ['groups', 'one', groupId, 'challenges', cid, 'leaderboard'] as const;
export const refereeQueueKey = ['referee', 'queue'] as const;

// ---- partners ----

/** The user's partners, the oldest partnership first (GET /partners; the habit form's list too). */
export function usePartners() {
  return usePartnerList();
}

/** The invitations addressed to the user (waiting) and the ones they sent (GET /partners/invitations). */
export function useInvitations() {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: async ({ signal }): Promise<Invitations> => {
      const answer = (await api.get('/v1/partners/invitations', { signal })) as Partial<Invitations> | undefined;
      return { received: answer?.received ?? [], sent: answer?.sent ?? [] };
    },
  });
}

function useInvalidatePartners() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: partnersKey }),
      // what partners see and do shows in the feed
      client.invalidateQueries({ queryKey: ['feed'] }),
    ]);
}

/** Invites someone by email (POST /partners/invitations); answers the sent invitation. */
export function useInviteByEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      api.post('/v1/partners/invitations', { body: { email } }) as Promise<Invitation | undefined>,
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}

/** Withdraws an invitation the user sent (DELETE /partners/invitations/{id}). */
export function useWithdrawInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/partners/invitations/{id}', { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}

/** Accepts an invitation addressed to the user; answers the new partner. */
export function useAcceptInvitation() {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (id: string) =>
      api.post('/v1/partners/invitations/{id}/accept', { path: { id } }) as Promise<Partner | undefined>,
    onSuccess: invalidate,
  });
}

/** Declines an invitation addressed to the user. */
export function useDeclineInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post('/v1/partners/invitations/{id}/decline', { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });
}

/** Makes a one-use invite code, valid 7 days (POST /partners/invite-codes). */
export function useCreatePartnerCode() {
  return useMutation({
    mutationFn: () => api.post('/v1/partners/invite-codes') as Promise<InviteCode | undefined>,
  });
}

/** A code as typed: trimmed, without inner spaces (the server reads any case, with or without dashes). */
export function cleanCode(code: string): string {
  return code.trim().replace(/\s+/g, '');
}

/** Redeems someone's invite code (POST /partners/invite-codes/{code}/accept); answers the new partner. */
export function useRedeemPartnerCode() {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (code: string) =>
      api.post('/v1/partners/invite-codes/{code}/accept', { path: { code: cleanCode(code) } }) as Promise<
        Partner | undefined
      >,
    onSuccess: invalidate,
  });
}

/** Ends a partnership, on both sides (DELETE /partners/{userId}). */
export function useRemovePartner() {
  const client = useQueryClient();
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (userId: string) => api.delete('/v1/partners/{userId}', { path: { userId } }),
    onSuccess: (_answer, userId) => {
      client.removeQueries({ queryKey: partnerHabitsKey(userId) });
      return Promise.all([
        invalidate(),
        // the days this partner refereed count as confirmed now, and leave the queue
        client.invalidateQueries({ queryKey: refereeQueueKey }),
        client.invalidateQueries({ queryKey: habitsKey }),
      ]);
    },
  });
}

/** The habits a partner shares, as of the partner's today (GET /partners/{userId}/habits). */
export function usePartnerHabits(userId: string) {
  return useQuery({
    queryKey: partnerHabitsKey(userId),
    queryFn: ({ signal }) => api.get('/v1/partners/{userId}/habits', { path: { userId }, signal }),
  });
}

/** The last four weeks, up to the partner's today, of a habit they share (GET …/calendar, the server's default range). */
export function usePartnerCalendar(userId: string, habitId: string) {
  return useQuery({
    queryKey: partnerCalendarKey(userId, habitId),
    queryFn: ({ signal }) =>
      api.get('/v1/partners/{userId}/habits/{habitId}/calendar', { path: { userId, habitId }, signal }),
  });
}

export interface NudgeRequest {
  userId: string;
  habitId: string;
  message?: string;
}

/** Nudges a partner about a habit they share (POST /partners/{userId}/nudges); 429 past the day's limits. */
export function useNudgePartner() {
  return useMutation({
    mutationFn: ({ userId, habitId, message }: NudgeRequest) =>
      api.post('/v1/partners/{userId}/nudges', {
        path: { userId },
        body: message ? { habitId, message } : { habitId },
      }) as Promise<NudgeResult | undefined>,
  });
}

// ---- referee ----

/** The done days waiting for the user's verdict as a referee, the oldest first (GET /referee/queue). */
export function useRefereeQueue() {
  return useQuery({
    queryKey: refereeQueueKey,
    queryFn: ({ signal }) => api.get('/v1/referee/queue', { signal }),
  });
}

export interface VerdictRequest {
  habitId: string;
  date: string;
  verdict: 'confirm' | 'dispute';
  comment?: string;
}

/** Confirms or disputes a waiting day; the day leaves the cached queue at once when the server takes it. */
export function useVerdict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ habitId, date, verdict, comment }: VerdictRequest) => {
      const opts = { path: { habitId, date }, body: comment ? { comment } : {} };
      return (
        verdict === 'confirm'
          ? api.post('/v1/referee/habits/{habitId}/checkins/{date}/confirm', opts)
          : api.post('/v1/referee/habits/{habitId}/checkins/{date}/dispute', opts)
      ) as Promise<Verdict | undefined>;
    },
    onSuccess: (_answer, { habitId, date }) => {
      client.setQueryData<Waiting[]>(refereeQueueKey, (queue) =>
        queue?.filter((w) => !(w.habit?.id === habitId && w.date === date)),
      );
      return Promise.all([
        client.invalidateQueries({ queryKey: refereeQueueKey }),
        client.invalidateQueries({ queryKey: ['feed'] }),
      ]);
    },
  });
}

// ---- groups ----

/** The user's groups with their role in each (GET /groups). */
export function useGroups() {
  return useQuery({
    queryKey: groupsListKey,
    queryFn: ({ signal }) => api.get('/v1/groups', { signal }),
  });
}

/** A group with its members, the owner first (GET /groups/{id}). */
export function useGroup(id: string) {
  return useQuery({
    queryKey: groupKey(id),
    queryFn: ({ signal }) => api.get('/v1/groups/{id}', { path: { id }, signal }),
  });
}

function useInvalidateGroups() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: groupsKey });
}

export interface GroupRequest {
  name: string;
  description?: string;
}

/** Creates a group the user owns (POST /groups); answers the group. */
export function useCreateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (input: GroupRequest) => api.post('/v1/groups', { body: input }) as Promise<Group | undefined>,
    onSuccess: invalidate,
  });
}

/** Joins a group with an invite code (POST /groups/join/{code}); answers the group. */
export function useJoinGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (code: string) => api.post('/v1/groups/join/{code}', { path: { code: cleanCode(code) } }),
    onSuccess: invalidate,
  });
}

/** Makes a one-use invite code for a group (the owner). */
export function useCreateGroupCode() {
  return useMutation({
    mutationFn: (id: string) => api.post('/v1/groups/{id}/invite-codes', { path: { id } }) as Promise<InviteCode | undefined>,
  });
}

export interface MemberRequest {
  groupId: string;
  userId: string;
  /** The user leaves: the group is not theirs to see any more (the screen goes elsewhere and forgets it). */
  leaving?: boolean;
}

/** Removes a member (the owner), or the user themself from the group (leaving). */
export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, userId }: MemberRequest) =>
      api.delete('/v1/groups/{id}/members/{userId}', { path: { id: groupId, userId } }),
    onSuccess: (_answer, { groupId, leaving }) =>
      leaving
        ? client.invalidateQueries({ queryKey: groupsListKey })
        : Promise.all([
            client.invalidateQueries({ queryKey: groupKey(groupId) }),
            client.invalidateQueries({ queryKey: groupsListKey }),
          ]),
  });
}

/** Forgets what the cache holds of a group the user has left or deleted (after the screen has gone elsewhere). */
export function useForgetGroup() {
  const client = useQueryClient();
  return (id: string) => client.removeQueries({ queryKey: groupKey(id) });
}

/** Hands the group over to a member (the owner); answers the group. */
export function useHandOver() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, userId }: MemberRequest) =>
      api.post('/v1/groups/{id}/owner', { path: { id: groupId }, body: { userId } }),
    onSuccess: (group, { groupId }) => {
      if (group) client.setQueryData(groupKey(groupId), group);
      return Promise.all([
        client.invalidateQueries({ queryKey: groupKey(groupId) }),
        client.invalidateQueries({ queryKey: groupsListKey }),
      ]);
    },
  });
}

/** Deletes a group with its challenges (the owner); the members' habits stay. */
export function useDeleteGroup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/v1/groups/{id}', { path: { id } }),
    // the group's own query is left alone (it would answer 404 while its screen is still shown): see useForgetGroup
    onSuccess: () => client.invalidateQueries({ queryKey: groupsListKey }),
  });
}

/** The group's challenges, the newest start first. */
export function useChallenges(groupId: string) {
  return useQuery({
    queryKey: challengesKey(groupId),
    queryFn: ({ signal }) => api.get('/v1/groups/{id}/challenges', { path: { id: groupId }, signal }),
  });
}

/** Starts a challenge in the group (any member); answers the challenge. */
export function useCreateChallenge(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChallengeInput) =>
      api.post('/v1/groups/{id}/challenges', { path: { id: groupId }, body: input }) as Promise<Challenge | undefined>,
    onSuccess: () => client.invalidateQueries({ queryKey: challengesKey(groupId) }),
  });
}

/** Joins a challenge: the server creates its habit for the user, shared with the group. */
export function useJoinChallenge(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cid: string) => api.post('/v1/groups/{id}/challenges/{cid}/join', { path: { id: groupId, cid } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: challengesKey(groupId) }),
        client.invalidateQueries({ queryKey: habitsKey }),
        client.invalidateQueries({ queryKey: todayKey }),
      ]),
  });
}

/** A challenge's leaderboard: by completion rate, then current streak, then done days. */
export function useLeaderboard(groupId: string, cid: string, enabled = true) {
  return useQuery({
    queryKey: leaderboardKey(groupId, cid),
    queryFn: ({ signal }) =>
      api.get('/v1/groups/{id}/challenges/{cid}/leaderboard', { path: { id: groupId, cid }, signal }),
    enabled,
  });
}
