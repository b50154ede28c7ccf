import { Alert, Badge, Box, Button, Checkbox, CheckboxGroup, Field, Fieldset, HStack, Input, NativeSelect, Stack, Text } from '@chakra-ui/react';
import { useRef, useState, type FormEvent } from 'react';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useCreateToken, useRevokeToken, useTokens, type AccessToken, type CreatedToken } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { daysFromNow, formatDateTime, formatInstantDay } from './format';
import { Part, Section } from './Section';

const EXPIRY = ['30', '90', '365', 'never', 'date'] as const;
type Expiry = (typeof EXPIRY)[number];
const TOKEN_FIELDS = ['name', 'scopes', 'expiresAt'] as const;

function expiryLabel(e: Expiry): string {
  switch (e) {
    case 'never':
      return t('settings.tokens.expiry.never');
    case 'date':
      return t('settings.tokens.expiry.date');
    default:
      return t('settings.tokens.expiry.days', { count: Number(e) });
  }
}

function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [date, setDate] = useState('');
  const [dateMissing, setDateMissing] = useState(false);
  const errors = formErrors(create.error, TOKEN_FIELDS);

  function submit(e: FormEvent) {
    e.preventDefault();
    let expiresAt: string | undefined;
    if (expiry === 'date') {
      if (!date) {
        setDateMissing(true);
        return;
      }
      // the end of that day, in UTC
      expiresAt = `${date}T23:59:59Z`;
    } else if (expiry !== 'never') {
      expiresAt = daysFromNow(Number(expiry));
    }
    setDateMissing(false);
    create.mutate(
      { name: name.trim(), scopes, ...(expiresAt ? { expiresAt } : {}) },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('settings.tokens.new')}>
      <Stack gap="4">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        <TextField
          name="tokenName"
          label={t('settings.tokens.name')}
          hint={t('settings.tokens.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={100}
          autoComplete="off"
          required
        />
        <Fieldset.Root invalid={errors.fields.scopes !== undefined}>
          <Fieldset.Legend fontWeight="medium">{t('settings.tokens.scopes')}</Fieldset.Legend>
          <CheckboxGroup value={scopes} onValueChange={setScopes} name="scopes">
            <Stack gap="2" mt="1">
              <Checkbox.Root value="read">
                <Checkbox.HiddenInput />
                <Checkbox.Control />
                <Checkbox.Label>{t('settings.tokens.scope.read')}</Checkbox.Label>
              </Checkbox.Root>
              <Checkbox.Root value="write">
                <Checkbox.HiddenInput />
                <Checkbox.Control />
                <Checkbox.Label>{t('settings.tokens.scope.write')}</Checkbox.Label>
              </Checkbox.Root>
            </Stack>
          </CheckboxGroup>
          <Fieldset.ErrorText>{errors.fields.scopes}</Fieldset.ErrorText>
        </Fieldset.Root>
        <HStack gap="4" align="start" wrap="wrap">
          <Field.Root w="auto" minW="12rem" invalid={errors.fields.expiresAt !== undefined && expiry !== 'date'}>
            <Field.Label>{t('settings.tokens.expiry')}</Field.Label>
            <NativeSelect.Root>
              <NativeSelect.Field name="expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
                {EXPIRY.map((x) => (
                  <option key={x} value={x}>
                    {expiryLabel(x)}
                  </option>
                ))}
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            {expiry !== 'date' ? <Field.ErrorText>{errors.fields.expiresAt}</Field.ErrorText> : null}
          </Field.Root>
          {expiry === 'date' ? (
            <Field.Root w="auto" invalid={dateMissing || errors.fields.expiresAt !== undefined} required>
              <Field.Label>
                {t('settings.tokens.expiryDate')}
                <Field.RequiredIndicator />
              </Field.Label>
              <Input type="date" name="expiresOn" value={date} onChange={(e) => setDate(e.target.value)} w="12rem" />
              <Field.ErrorText>{dateMissing ? t('settings.tokens.expiryDateMissing') : errors.fields.expiresAt}</Field.ErrorText>
            </Field.Root>
          ) : null}
        </HStack>
        {expiry === 'never' ? <Text fontSize="sm" color="fg.muted">{t('settings.tokens.neverHint')}</Text> : null}
        <Box>
          <Button type="submit" loading={create.isPending} loadingText={t('settings.tokens.creating')}>
            {t('settings.tokens.create')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

/** The secret of a token just made: shown this once, with a copy button. */
function NewSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <Alert.Root status="warning" variant="surface" alignItems="start">
      <Alert.Indicator />
      <Alert.Content gap="3" w="full" minW="0">
        <Alert.Title>{t('settings.tokens.createdTitle', { name: token.name ?? '' })}</Alert.Title>
        <Alert.Description>
          <Stack gap="3">
            <Text>{t('settings.tokens.onceWarning')}</Text>
            <CopyField label={t('settings.tokens.secret')} value={token.token ?? ''} name="tokenSecret" />
            <Text fontSize="sm">{t('settings.tokens.usage')}</Text>
            <Box>
              <Button size="sm" onClick={onDone}>
                {t('settings.tokens.secretDone')}
              </Button>
            </Box>
          </Stack>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}

function scopeLabel(scope: string): string {
  if (scope === 'read') return t('settings.tokens.scopeShort.read');
  if (scope === 'write') return t('settings.tokens.scopeShort.write');
  return scope;
}

function TokenRow({
  token,
  timeZone,
  onRevoke,
}: {
  token: AccessToken;
  timeZone?: string | undefined;
  onRevoke: (token: AccessToken, button: HTMLButtonElement | null) => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const expired = token.expiresAt !== undefined && token.expiresAt !== null && new Date(token.expiresAt) < new Date();
  return (
    <Box as="li" borderWidth="1px" rounded="md" p={{ base: '3', sm: '4' }}>
      <Stack gap="2">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Text fontWeight="semibold" overflowWrap="anywhere">
            {token.name}
          </Text>
          <HStack gap="1">
            {(token.scopes ?? []).map((s) => (
              <Badge key={s} variant="surface">
                {scopeLabel(s)}
              </Badge>
            ))}
            {expired ? (
              <Badge colorPalette="red" variant="surface">
                {t('settings.tokens.expired')}
              </Badge>
            ) : null}
          </HStack>
        </HStack>
        <Text fontSize="sm" color="fg.muted">
          {t('settings.tokens.createdAt', { date: token.createdAt ? formatInstantDay(token.createdAt, timeZone) : '—' })}
          {' · '}
          {token.lastUsedAt
            ? t('settings.tokens.lastUsed', { time: formatDateTime(token.lastUsedAt, timeZone) })
            : t('settings.tokens.neverUsed')}
          {' · '}
          {token.expiresAt
            ? t(expired ? 'settings.tokens.expiredAt' : 'settings.tokens.expiresAt', {
                date: formatInstantDay(token.expiresAt, timeZone),
              })
            : t('settings.tokens.noExpiry')}
        </Text>
        <Box>
          <Button
            ref={ref}
            size="sm"
            variant="outline"
            colorPalette="red"
            onClick={() => onRevoke(token, ref.current)}
            aria-label={t('settings.tokens.revokeNamed', { name: token.name ?? '' })}
          >
            {t('settings.tokens.revoke')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

/** Personal access tokens for integrations: the list, making one (its secret shown once) and revoking. */
export function TokensSection() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const timeZone = useMe().data?.timezone;
  const [created, setCreated] = useState<CreatedToken>();
  const [doomed, setDoomed] = useState<{ token: AccessToken; button: HTMLButtonElement | null }>();
  const [announce, setAnnounce] = useState('');
  const headingRef = useRef<HTMLParagraphElement>(null);
  const doomedName = doomed?.token.name ?? '';
  const list = tokens.data ?? [];

  return (
    <Section title={t('settings.nav.tokens')} intro={t('settings.tokens.intro')}>
      <Part title={t('settings.tokens.new')}>
        {created ? (
          <NewSecret token={created} onDone={() => setCreated(undefined)} />
        ) : (
          <NewTokenForm onCreated={setCreated} />
        )}
      </Part>
      <Part title={t('settings.tokens.listTitle')}>
        <Text role="status" aria-live="polite" srOnly ref={headingRef}>
          {announce}
        </Text>
        {tokens.isPending ? (
          <PageSpinner />
        ) : tokens.isError ? (
          <ErrorAlert action={<Button size="sm" onClick={() => tokens.refetch()}>{t('settings.retry')}</Button>}>
            {t('settings.tokens.loadFailed', { reason: tokens.error.message })}
          </ErrorAlert>
        ) : list.length === 0 ? (
          <Text color="fg.muted">{t('settings.tokens.empty')}</Text>
        ) : (
          <Stack as="ul" listStyleType="none" gap="3" aria-label={t('settings.tokens.listTitle')}>
            {list.map((tok) => (
              <TokenRow
                key={tok.id}
                token={tok}
                timeZone={timeZone}
                onRevoke={(token, button) => {
                  revoke.reset();
                  setDoomed({ token, button });
                }}
              />
            ))}
          </Stack>
        )}
      </Part>
      <ConfirmDialog
        open={doomed !== undefined}
        title={t('settings.tokens.revokeTitle', { name: doomedName })}
        body={t('settings.tokens.revokeBody', { name: doomedName })}
        confirmLabel={t('settings.tokens.revokeConfirm')}
        pendingLabel={t('settings.tokens.revoking')}
        pending={revoke.isPending}
        error={revoke.error?.message}
        onClose={() => setDoomed(undefined)}
        finalFocus={() => (revoke.isSuccess ? null : (doomed?.button ?? null))}
        onConfirm={() =>
          doomed?.token.id &&
          revoke.mutate(doomed.token.id, {
            onSuccess: () => {
              setAnnounce(t('settings.tokens.revoked', { name: doomedName }));
              setDoomed(undefined);
            },
          })
        }
      />
    </Section>
  );
}
