import { Badge, Box, Button, Card, Flex, HStack, Heading, Link, Stack, Text } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import {
  useAcceptInvitation,
  useCreatePartnerCode,
  useDeclineInvitation,
  useInvitations,
  useInviteByEmail,
  usePartners,
  useRedeemPartnerCode,
  useRemovePartner,
  useWithdrawInvitation,
  cleanCode,
  type Invitation,
  type Partner,
} from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { formatInstantDay, looksLikeEmail } from './format';
import { CodeDisplay, ConfirmDialog, Notice, Section } from './shared';

function senderName(inv: Invitation): string {
  return inv.from?.displayName || inv.from?.email || t('people.someone');
}

interface ReceivedProps {
  invitation: Invitation;
  accept: ReturnType<typeof useAcceptInvitation>;
  decline: ReturnType<typeof useDeclineInvitation>;
  /** Told what to say once answered; `userId` of the new partner when accepted. */
  onAnswered: (text: string, userId?: string) => void;
}

/**
 * An invitation addressed to the user. The mutations belong to the tab: the item is gone from the list once
 * answered, and a mutation's own callbacks do not run after its component has gone.
 */
function ReceivedInvitation({ invitation, accept, decline, onAnswered }: ReceivedProps) {
  const name = senderName(invitation);
  const id = invitation.id ?? '';
  const accepting = accept.isPending && accept.variables === id;
  const declining = decline.isPending && decline.variables === id;
  const error = (accept.variables === id ? accept.error : null) ?? (decline.variables === id ? decline.error : null);
  return (
    <Card.Root as="li" size="sm" variant="outline">
      <Card.Body>
        <Stack gap="3">
          <Box>
            <Text fontWeight="semibold">{t('people.invitations.from', { name })}</Text>
            <Text textStyle="sm" color="fg.muted">
              {invitation.from?.email && invitation.from.email !== name
                ? t('people.invitations.fromDetail', {
                    email: invitation.from.email,
                    date: formatInstantDay(invitation.createdAt),
                  })
                : t('people.invitations.sentOn', { date: formatInstantDay(invitation.createdAt) })}
            </Text>
          </Box>
          {error ? <ErrorAlert>{error.message}</ErrorAlert> : null}
          <HStack gap="2" wrap="wrap">
            <Button
              size="sm"
              loading={accepting}
              loadingText={t('people.invitations.accepting')}
              disabled={declining}
              aria-label={t('people.invitations.acceptLabel', { name })}
              onClick={() => {
                decline.reset();
                accept.mutate(id, {
                  onSuccess: (partner) =>
                    onAnswered(
                      t('people.invitations.accepted', { name: partner?.displayName ?? name }),
                      partner?.userId ?? invitation.from?.userId,
                    ),
                });
              }}
            >
              {t('people.invitations.accept')}
            </Button>
            <Button
              size="sm"
              variant="outline"
              loading={declining}
              loadingText={t('people.invitations.declining')}
              disabled={accepting}
              aria-label={t('people.invitations.declineLabel', { name })}
              onClick={() => {
                accept.reset();
                decline.mutate(id, { onSuccess: () => onAnswered(t('people.invitations.declined', { name })) });
              }}
            >
              {t('people.invitations.decline')}
            </Button>
          </HStack>
        </Stack>
      </Card.Body>
    </Card.Root>
  );
}

function ReceivedList({ received, ...props }: Omit<ReceivedProps, 'invitation'> & { received: Invitation[] }) {
  return (
    <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
      {received.map((inv) => (
        <ReceivedInvitation key={inv.id} invitation={inv} {...props} />
      ))}
    </Stack>
  );
}

function PartnerItem({ partner, onRemove }: { partner: Partner; onRemove: (p: Partner) => void }) {
  const name = partner.displayName ?? '';
  return (
    <Card.Root as="li" size="sm" variant="outline">
      <Card.Body>
        <Flex gap="3" align="center" wrap="wrap">
          <Box flex="1" minW="12rem">
            <Link asChild fontWeight="semibold" color="colorPalette.fg">
              <RouterLink to={`/people/partners/${partner.userId}`}>{name}</RouterLink>
            </Link>
            <Text textStyle="sm" color="fg.muted">
              {t('people.partners.since', { date: formatInstantDay(partner.since) })}
            </Text>
          </Box>
          <HStack gap="2">
            <Button asChild size="sm" variant="outline">
              <RouterLink to={`/people/partners/${partner.userId}`} aria-label={t('people.partners.viewLabel', { name })}>
                {t('people.partners.view')}
              </RouterLink>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              colorPalette="red"
              aria-label={t('people.partners.removeLabel', { name })}
              onClick={() => onRemove(partner)}
            >
              {t('people.partners.remove')}
            </Button>
          </HStack>
        </Flex>
      </Card.Body>
    </Card.Root>
  );
}

function PartnerList({ onNotice }: { onNotice: (text: string) => void }) {
  const partners = usePartners();
  const remove = useRemovePartner();
  const [removing, setRemoving] = useState<Partner | undefined>();
  const name = removing?.displayName ?? '';

  if (partners.isPending) return <PageSpinner />;
  if (partners.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => partners.refetch()}>{t('people.retry')}</Button>}>
        {t('people.partners.loadFailed', { reason: partners.error.message })}
      </ErrorAlert>
    );
  }
  return (
    <>
      {partners.data.length === 0 ? (
        <Text color="fg.muted">{t('people.partners.empty')}</Text>
      ) : (
        <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
          {partners.data.map((p) => (
            <PartnerItem
              key={p.userId}
              partner={p}
              onRemove={(x) => {
                remove.reset();
                setRemoving(x);
              }}
            />
          ))}
        </Stack>
      )}
      <ConfirmDialog
        open={removing !== undefined}
        title={t('people.partners.removeTitle', { name })}
        confirmLabel={t('people.partners.removeConfirm')}
        pendingLabel={t('people.partners.removing')}
        pending={remove.isPending}
        error={remove.error}
        destructive
        onClose={() => setRemoving(undefined)}
        onConfirm={() =>
          removing?.userId &&
          remove.mutate(removing.userId, {
            onSuccess: () => {
              onNotice(t('people.partners.removed', { name }));
              setRemoving(undefined);
            },
          })
        }
      >
        <Text>{t('people.partners.removeBody', { name })}</Text>
      </ConfirmDialog>
    </>
  );
}

function InviteByEmail({ sent }: { sent: Invitation[] }) {
  const invite = useInviteByEmail();
  const withdraw = useWithdrawInvitation();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const errors = formErrors(invite.error, ['email'] as const);
  const waiting = sent.filter((i) => i.status === 'pending' || i.status === 'declined');

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    const address = email.trim();
    if (address === '') return setLocalError(t('people.invite.emailRequired'));
    if (!looksLikeEmail(address)) return setLocalError(t('people.invite.emailInvalid'));
    if (me.data?.email && address.toLowerCase() === me.data.email.toLowerCase()) {
      return setLocalError(t('people.invite.emailOwn'));
    }
    setLocalError(undefined);
    invite.mutate(address, {
      onSuccess: () => {
        setDone(t('people.invite.sent', { email: address }));
        setEmail('');
      },
    });
  }

  return (
    <Stack gap="4">
      <Text color="fg.muted">{t('people.invite.text')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="3">
          {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
          {done ? <Notice>{done}</Notice> : null}
          <Box maxW="md">
            <TextField
              name="email"
              type="email"
              autoComplete="email"
              label={t('people.invite.email')}
              required
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setLocalError(undefined);
              }}
              error={localError ?? errors.fields.email}
            />
          </Box>
          <Button type="submit" alignSelf="start" loading={invite.isPending} loadingText={t('people.invite.sending')}>
            {t('people.invite.send')}
          </Button>
        </Stack>
      </form>
      {waiting.length > 0 ? (
        <Stack gap="2">
          <Heading as="h3" size="md">
            {t('people.invite.sentTitle')}
          </Heading>
          {withdraw.isError ? <ErrorAlert>{withdraw.error.message}</ErrorAlert> : null}
          <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
            {waiting.map((inv) => (
              <Flex as="li" key={inv.id} gap="3" align="center" wrap="wrap" py="1">
                <Box flex="1" minW="0">
                  <Text fontWeight="medium" wordBreak="break-all">
                    {inv.email}
                  </Text>
                  <HStack gap="2" textStyle="sm" color="fg.muted">
                    <Badge colorPalette={inv.status === 'pending' ? 'orange' : 'gray'} variant="subtle">
                      {t(inv.status === 'pending' ? 'people.invite.pending' : 'people.invite.declinedBadge')}
                    </Badge>
                    <span>{t('people.invitations.sentOn', { date: formatInstantDay(inv.createdAt) })}</span>
                  </HStack>
                </Box>
                {inv.status === 'pending' ? (
                  <Button
                    size="sm"
                    variant="outline"
                    loading={withdraw.isPending && withdraw.variables === inv.id}
                    loadingText={t('people.invite.cancelling')}
                    aria-label={t('people.invite.cancelLabel', { email: inv.email ?? '' })}
                    onClick={() => inv.id && withdraw.mutate(inv.id)}
                  >
                    {t('people.invite.cancel')}
                  </Button>
                ) : null}
              </Flex>
            ))}
          </Stack>
        </Stack>
      ) : null}
    </Stack>
  );
}

function MakeCode() {
  const create = useCreatePartnerCode();
  return (
    <Stack gap="3" align="start">
      <Text color="fg.muted">{t('people.code.text')}</Text>
      {create.isError ? <ErrorAlert>{create.error.message}</ErrorAlert> : null}
      {create.data?.code ? (
        <CodeDisplay code={create.data.code} expiresAt={create.data.expiresAt} label={t('people.code.yours')} />
      ) : null}
      <Button
        variant="outline"
        loading={create.isPending}
        loadingText={t('people.code.making')}
        onClick={() => create.mutate()}
      >
        {create.data ? t('people.code.makeAnother') : t('people.code.make')}
      </Button>
    </Stack>
  );
}

function RedeemCode({ onNotice }: { onNotice: (text: string, userId?: string) => void }) {
  const redeem = useRedeemPartnerCode();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const errors = formErrors(redeem.error, ['code'] as const);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = cleanCode(code);
    if (value === '') return setLocalError(t('people.redeem.required'));
    setLocalError(undefined);
    redeem.mutate(value, {
      onSuccess: (partner) => {
        setCode('');
        onNotice(t('people.redeem.done', { name: partner?.displayName ?? t('people.someone') }), partner?.userId);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="3">
        <Text color="fg.muted">{t('people.redeem.text')}</Text>
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        <Box maxW="md">
          <TextField
            name="code"
            label={t('people.redeem.code')}
            placeholder={t('people.redeem.placeholder')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setLocalError(undefined);
            }}
            error={localError ?? errors.fields.code}
          />
        </Box>
        <Button type="submit" alignSelf="start" loading={redeem.isPending} loadingText={t('people.redeem.redeeming')}>
          {t('people.redeem.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** The partners tab: invitations for the user, their partners, inviting by email or code, redeeming a code. */
export function PartnersTab() {
  const invitations = useInvitations();
  // here, not in the list: the list goes once the last invitation is answered, and with it a mutation's callbacks
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const [notice, setNotice] = useState<{ text: string; userId?: string | undefined } | undefined>();
  const received = invitations.data?.received ?? [];
  const show = (text: string, userId?: string) => setNotice({ text, userId });

  return (
    <Stack gap="8">
      {notice ? (
        <HStack gap="3" wrap="wrap">
          <Notice>{notice.text}</Notice>
          {notice.userId ? (
            <Link asChild color="colorPalette.fg">
              <RouterLink to={`/people/partners/${notice.userId}`}>{t('people.partners.seeHabits')}</RouterLink>
            </Link>
          ) : null}
        </HStack>
      ) : null}
      {invitations.isError ? (
        <ErrorAlert action={<Button size="sm" onClick={() => invitations.refetch()}>{t('people.retry')}</Button>}>
          {t('people.invitations.loadFailed', { reason: invitations.error.message })}
        </ErrorAlert>
      ) : null}
      {received.length > 0 ? (
        <Section id="invitations-received" title={t('people.invitations.title')}>
          <ReceivedList received={received} accept={accept} decline={decline} onAnswered={show} />
        </Section>
      ) : null}
      <Section id="partners" title={t('people.partners.title')}>
        <Text color="fg.muted">{t('people.partners.text')}</Text>
        <PartnerList onNotice={(text) => show(text)} />
      </Section>
      <Section id="invite-email" title={t('people.invite.title')}>
        <InviteByEmail sent={invitations.data?.sent ?? []} />
      </Section>
      <Section id="invite-code" title={t('people.code.title')}>
        <MakeCode />
      </Section>
      <Section id="redeem-code" title={t('people.redeem.title')}>
        <RedeemCode onNotice={show} />
      </Section>
    </Stack>
  );
}
