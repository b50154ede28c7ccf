import { Badge, Box, Button, Card, Flex, HStack, Heading, Link, Stack, Text } from '@chakra-ui/react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/errors';
import {
  useCreateGroupCode,
  useDeleteGroup,
  useForgetGroup,
  useGroup,
  useHandOver,
  useRemoveMember,
  type Group,
  type Member,
} from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n/t';
import { Challenges } from './Challenges';
import { formatInstantDay } from './format';
import { roleText } from './GroupsTab';
import { CodeDisplay, ConfirmDialog, Notice, Section } from './shared';

/** What the owner is about to do to a member, or the user to the group. */
type Pending =
  | { kind: 'remove'; member: Member }
  | { kind: 'owner'; member: Member }
  | { kind: 'leave' }
  | { kind: 'delete' };

function MemberItem({
  member,
  isMe,
  canManage,
  onAction,
}: {
  member: Member;
  isMe: boolean;
  canManage: boolean;
  onAction: (p: Pending) => void;
}) {
  const name = member.displayName ?? '';
  return (
    <Flex as="li" gap="3" align="center" wrap="wrap" py="2" borderBottomWidth="1px" _last={{ borderBottomWidth: 0 }}>
      <Box flex="1" minW="0">
        <HStack gap="2" wrap="wrap">
          <Text fontWeight="semibold">{isMe ? t('people.groups.you', { name }) : name}</Text>
          <Badge colorPalette={member.role === 'owner' ? 'teal' : 'gray'} variant="subtle">
            {roleText(member.role)}
          </Badge>
        </HStack>
        <Text textStyle="sm" color="fg.muted">
          {t('people.groups.joined', { date: formatInstantDay(member.joinedAt) })}
        </Text>
      </Box>
      {canManage && !isMe ? (
        <HStack gap="2">
          <Button
            size="sm"
            variant="outline"
            aria-label={t('people.groups.makeOwnerLabel', { name })}
            onClick={() => onAction({ kind: 'owner', member })}
          >
            {t('people.groups.makeOwner')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            colorPalette="red"
            aria-label={t('people.groups.removeLabel', { name })}
            onClick={() => onAction({ kind: 'remove', member })}
          >
            {t('people.groups.remove')}
          </Button>
        </HStack>
      ) : null}
    </Flex>
  );
}

function InviteToGroup({ groupId }: { groupId: string }) {
  const create = useCreateGroupCode();
  return (
    <Stack gap="3" align="start">
      <Text color="fg.muted">{t('people.groups.inviteText')}</Text>
      {create.isError ? <ErrorAlert>{create.error.message}</ErrorAlert> : null}
      {create.data?.code ? (
        <CodeDisplay code={create.data.code} expiresAt={create.data.expiresAt} label={t('people.groups.codeLabel')} />
      ) : null}
      <Button
        variant="outline"
        loading={create.isPending}
        loadingText={t('people.code.making')}
        onClick={() => create.mutate(groupId)}
      >
        {create.data ? t('people.code.makeAnother') : t('people.code.make')}
      </Button>
    </Stack>
  );
}

function GroupBody({ group, myId }: { group: Group; myId: string | undefined }) {
  const groupId = group.id ?? '';
  const navigate = useNavigate();
  const forget = useForgetGroup();
  const remove = useRemoveMember();
  const handOver = useHandOver();
  const del = useDeleteGroup();
  const [pending, setPending] = useState<Pending | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const isOwner = group.role === 'owner';
  const members = group.members ?? [];

  function open(p: Pending) {
    remove.reset();
    handOver.reset();
    del.reset();
    setPending(p);
  }

  function leaveScreen() {
    setPending(undefined);
    navigate('/people/groups', { replace: true });
    forget(groupId);
  }

  function confirm() {
    if (!pending) return;
    if (pending.kind === 'remove') {
      const name = pending.member.displayName ?? '';
      remove.mutate(
        { groupId, userId: pending.member.userId ?? '' },
        {
          onSuccess: () => {
            setNotice(t('people.groups.removed', { name }));
            setPending(undefined);
          },
        },
      );
    } else if (pending.kind === 'owner') {
      const name = pending.member.displayName ?? '';
      handOver.mutate(
        { groupId, userId: pending.member.userId ?? '' },
        {
          onSuccess: () => {
            setNotice(t('people.groups.handedOver', { name }));
            setPending(undefined);
          },
        },
      );
    } else if (pending.kind === 'leave') {
      remove.mutate({ groupId, userId: myId ?? '', leaving: true }, { onSuccess: leaveScreen });
    } else {
      del.mutate(groupId, { onSuccess: leaveScreen });
    }
  }

  const groupName = group.name ?? '';
  const memberName = pending && 'member' in pending ? (pending.member.displayName ?? '') : '';
  const dialog = !pending
    ? undefined
    : pending.kind === 'remove'
      ? {
          title: t('people.groups.removeTitle', { name: memberName, group: groupName }),
          body: t('people.groups.removeBody', { name: memberName }),
          confirm: t('people.groups.removeConfirm'),
          busy: t('people.groups.removing'),
          destructive: true,
          mutation: remove,
        }
      : pending.kind === 'owner'
        ? {
            title: t('people.groups.ownerTitle', { name: memberName }),
            body: t('people.groups.ownerBody', { name: memberName, group: groupName }),
            confirm: t('people.groups.ownerConfirm'),
            busy: t('people.groups.handingOver'),
            destructive: false,
            mutation: handOver,
          }
        : pending.kind === 'leave'
          ? {
              title: t('people.groups.leaveTitle', { group: groupName }),
              body: t('people.groups.leaveBody'),
              confirm: t('people.groups.leaveConfirm'),
              busy: t('people.groups.leaving'),
              destructive: true,
              mutation: remove,
            }
          : {
              title: t('people.groups.deleteTitle', { group: groupName }),
              body: t('people.groups.deleteBody'),
              confirm: t('people.groups.deleteConfirm'),
              busy: t('people.groups.deleting'),
              destructive: true,
              mutation: del,
            };

  return (
    <>
      <Box>
        <Heading as="h1" size="2xl">
          {groupName}
        </Heading>
        {group.description ? <Text mt="1">{group.description}</Text> : null}
        <HStack gap="2" mt="2" textStyle="sm" color="fg.muted" wrap="wrap">
          <Badge colorPalette={isOwner ? 'teal' : 'gray'} variant="subtle">
            {t('people.groups.yourRole', { role: roleText(group.role) })}
          </Badge>
          <span>{t('people.groups.members', { count: group.memberCount ?? members.length })}</span>
        </HStack>
      </Box>
      {notice ? <Notice>{notice}</Notice> : null}
      <Section id="group-members" title={t('people.groups.membersTitle')}>
        <Card.Root variant="outline" size="sm">
          <Card.Body py="1">
            <Stack as="ul" gap="0" listStyleType="none" m="0" p="0">
              {members.map((m) => (
                <MemberItem key={m.userId} member={m} isMe={m.userId === myId} canManage={isOwner} onAction={open} />
              ))}
            </Stack>
          </Card.Body>
        </Card.Root>
      </Section>
      {isOwner ? (
        <Section id="group-invite" title={t('people.groups.inviteTitle')}>
          <InviteToGroup groupId={groupId} />
        </Section>
      ) : null}
      <Section id="group-challenges" title={t('people.challenges.title')}>
        <Challenges groupId={groupId} />
      </Section>
      <Stack as="section" aria-labelledby="group-leave" gap="3" borderTopWidth="1px" pt="4">
        <Heading as="h2" size="md" id="group-leave">
          {isOwner ? t('people.groups.ownerZone') : t('people.groups.leaveZone')}
        </Heading>
        {isOwner ? (
          <>
            <Text color="fg.muted">{t('people.groups.ownerCannotLeave')}</Text>
            <Button alignSelf="start" variant="outline" colorPalette="red" onClick={() => open({ kind: 'delete' })}>
              {t('people.groups.delete')}
            </Button>
          </>
        ) : (
          <Button alignSelf="start" variant="outline" colorPalette="red" onClick={() => open({ kind: 'leave' })}>
            {t('people.groups.leave')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        open={dialog !== undefined}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        pendingLabel={dialog?.busy ?? ''}
        pending={dialog?.mutation.isPending ?? false}
        error={dialog?.mutation.error}
        destructive={dialog?.destructive}
        onClose={() => setPending(undefined)}
        onConfirm={confirm}
      >
        <Text>{dialog?.body}</Text>
      </ConfirmDialog>
    </>
  );
}

/** A group: its members and their roles, an invite code (the owner), its challenges, leaving or deleting it. */
export function GroupPage() {
  const { id = '' } = useParams();
  const group = useGroup(id);
  const me = useMe();

  return (
    <Stack gap="6">
      <Link asChild alignSelf="start" color="colorPalette.fg">
        <RouterLink to="/people/groups">{t('people.groups.back')}</RouterLink>
      </Link>
      {group.isPending ? (
        <>
          <Heading as="h1" size="2xl">
            {t('people.groups.loading')}
          </Heading>
          <PageSpinner />
        </>
      ) : group.isError ? (
        <>
          <Heading as="h1" size="2xl">
            {t('people.groups.groupTitle')}
          </Heading>
          {group.error instanceof ApiError && group.error.status === 404 ? (
            <Text>{t('people.groups.notFound')}</Text>
          ) : (
            <ErrorAlert action={<Button size="sm" onClick={() => group.refetch()}>{t('people.retry')}</Button>}>
              {t('people.groups.loadOneFailed', { reason: group.error.message })}
            </ErrorAlert>
          )}
        </>
      ) : (
        <GroupBody group={group.data} myId={me.data?.id} />
      )}
    </Stack>
  );
}
