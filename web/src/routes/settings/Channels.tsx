import { Badge, Box, Button, DataList, Field, HStack, NativeSelect, Stack, Switch, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import {
  useChannels,
  useChannelTypes,
  useCreateChannel,
  useDeleteChannel,
  useTestChannel,
  useUpdateChannel,
  type Channel,
  type ChannelType,
} from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n/t';
import { ChannelForm, MASK } from './ChannelForm';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyField } from './CopyField';
import { eventLabel } from './events';
import { TestResult } from './TestResult';

const IN_APP = 'in-app';

/** A setting's value as the list shows it: secrets as words, lists joined. */
function shown(value: unknown, secret: boolean, events: boolean): string {
  if (value === undefined || value === null || value === '') return t('settings.channels.notSet');
  if (secret) return t('settings.channels.secretHidden');
  if (Array.isArray(value)) return value.map((v) => (events ? eventLabel(String(v)) : String(v))).join(', ');
  if (typeof value === 'boolean') return value ? t('settings.yes') : t('settings.no');
  return String(value);
}

/** The secrets the server made for a new channel (not masked in the create answer only). */
function generatedSecrets(type: ChannelType, channel: Channel | undefined): { label: string; value: string }[] {
  if (!channel?.config) return [];
  return (type.config ?? [])
    .filter((f) => f.secret && f.name)
    .map((f) => ({ label: f.label || f.name!, value: channel.config![f.name!] }))
    .filter((s): s is { label: string; value: string } => typeof s.value === 'string' && s.value !== '' && s.value !== MASK);
}

interface ItemProps {
  channel: Channel;
  type: ChannelType | undefined;
  timeZone?: string | undefined;
  onDelete: (channel: Channel, button: HTMLButtonElement | null) => void;
}

function ChannelItem({ channel, type, timeZone, onDelete }: ItemProps) {
  const update = useUpdateChannel();
  const toggle = useUpdateChannel();
  const test = useTestChannel();
  const [editing, setEditing] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const name = channel.name || type?.name || channel.type || '';
  const typeName = type?.name || channel.type || '';
  const fields = type?.config ?? [];
  const config = channel.config ?? {};
  const id = channel.id ?? '';

  return (
    <Box as="li" borderWidth="1px" rounded="md" p={{ base: '3', sm: '4' }}>
      <Stack gap="3">
        <HStack justify="space-between" align="start" gap="3" wrap="wrap">
          <Stack gap="0" minW="0">
            <Text fontWeight="semibold" overflowWrap="anywhere">
              {name}
            </Text>
            <Text fontSize="sm" color="fg.muted">
              {typeName}
            </Text>
          </Stack>
          <Badge colorPalette={channel.enabled ? 'green' : 'gray'} variant="surface">
            {channel.enabled ? t('settings.channels.on') : t('settings.channels.off')}
          </Badge>
        </HStack>
        {!channel.enabled && channel.disabledReason ? (
          <Text fontSize="sm">{t('settings.channels.disabledReason', { reason: channel.disabledReason })}</Text>
        ) : null}
        {channel.typeAvailable === false ? <Text fontSize="sm">{t('settings.channels.typeUnavailable')}</Text> : null}
        {fields.length > 0 && !editing ? (
          <DataList.Root orientation="horizontal" size="sm" gap="1">
            {fields.map((f) => (
              <DataList.Item key={f.name}>
                <DataList.ItemLabel>{f.label || f.name}</DataList.ItemLabel>
                <DataList.ItemValue overflowWrap="anywhere">
                  {shown(config[f.name ?? ''], f.secret === true, f.name === 'events')}
                </DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList.Root>
        ) : null}
        {editing && type ? (
          <ChannelForm
            type={type}
            channel={channel}
            pending={update.isPending}
            error={update.error}
            onSubmit={(newName, newConfig) =>
              update.mutate(
                { id, patch: { name: newName || undefined, config: newConfig } },
                {
                  onSuccess: () => {
                    setEditing(false);
                    requestAnimationFrame(() => editRef.current?.focus());
                  },
                },
              )
            }
            onCancel={() => {
              setEditing(false);
              update.reset();
              requestAnimationFrame(() => editRef.current?.focus());
            }}
          />
        ) : null}
        {toggle.isError ? (
          <ErrorAlert>{t('settings.channels.toggleFailed', { name, reason: toggle.error.message })}</ErrorAlert>
        ) : null}
        {test.isError ? <ErrorAlert>{t('settings.test.startFailed', { name, reason: test.error.message })}</ErrorAlert> : null}
        {test.data?.deliveryId ? <TestResult key={test.data.deliveryId} deliveryId={test.data.deliveryId} timeZone={timeZone} /> : null}
        {editing ? null : (
          <HStack gap="2" wrap="wrap">
            <Switch.Root
              checked={channel.enabled === true}
              disabled={toggle.isPending}
              onCheckedChange={(e) => toggle.mutate({ id, patch: { enabled: e.checked } })}
              mr="2"
            >
              <Switch.HiddenInput aria-label={t('settings.channels.enabledNamed', { name })} />
              <Switch.Control />
              <Switch.Label>{t('settings.channels.enabled')}</Switch.Label>
            </Switch.Root>
            <Button
              size="sm"
              variant="outline"
              onClick={() => test.mutate(id)}
              loading={test.isPending}
              loadingText={t('settings.test.starting')}
              disabled={!channel.enabled}
              aria-label={t('settings.test.sendNamed', { name })}
            >
              {t('settings.test.send')}
            </Button>
            {type && (fields.length > 0 || channel.type !== IN_APP) ? (
              <Button
                ref={editRef}
                size="sm"
                variant="outline"
                onClick={() => setEditing(true)}
                aria-label={t('settings.channels.editNamed', { name })}
              >
                {t('settings.channels.edit')}
              </Button>
            ) : null}
            {channel.type !== IN_APP ? (
              <Button
                ref={deleteRef}
                size="sm"
                variant="outline"
                colorPalette="red"
                onClick={() => onDelete(channel, deleteRef.current)}
                aria-label={t('settings.channels.deleteNamed', { name })}
              >
                {t('settings.channels.delete')}
              </Button>
            ) : null}
          </HStack>
        )}
        {!channel.enabled && !editing ? (
          <Text fontSize="sm" color="fg.muted">
            {t('settings.test.offHint')}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function AddChannel({ types, onDone }: { types: readonly ChannelType[]; onDone: () => void }) {
  const create = useCreateChannel();
  const [key, setKey] = useState('');
  const type = types.find((ty) => ty.key === key);
  const [created, setCreated] = useState<{ name: string; secrets: { label: string; value: string }[] }>();

  if (created) {
    return (
      <Stack gap="3" borderWidth="1px" rounded="md" p="4" bg="bg.subtle">
        <Text fontWeight="medium" role="status">
          {t('settings.channels.created', { name: created.name })}
        </Text>
        <Text>{t('settings.channels.secretOnce')}</Text>
        {created.secrets.map((s) => (
          <CopyField key={s.label} label={s.label} value={s.value} name={`secret-${s.label}`} />
        ))}
        <Box>
          <Button onClick={onDone}>{t('settings.done')}</Button>
        </Box>
      </Stack>
    );
  }

  return (
    <Stack gap="4" borderWidth="1px" rounded="md" p={{ base: '3', sm: '4' }} bg="bg.subtle">
      <Field.Root required>
        <Field.Label>
          {t('settings.channels.add.type')}
          <Field.RequiredIndicator />
        </Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field
            name="channelType"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              create.reset();
            }}
          >
            <option value="">{t('settings.channels.add.choose')}</option>
            {types.map((ty) => (
              <option key={ty.key} value={ty.key}>
                {ty.name || ty.key}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        <Field.HelperText>{t('settings.channels.add.typeHint')}</Field.HelperText>
      </Field.Root>
      {type ? (
        <ChannelForm
          key={type.key}
          type={type}
          pending={create.isPending}
          error={create.error}
          onSubmit={(name, config) =>
            create.mutate(
              { type: type.key ?? '', ...(name ? { name } : {}), config },
              {
                onSuccess: (channel) => {
                  const secrets = generatedSecrets(type, channel);
                  const shownName = channel?.name || name || type.name || type.key || '';
                  if (secrets.length > 0) setCreated({ name: shownName, secrets });
                  else onDone();
                },
              },
            )
          }
          onCancel={onDone}
        />
      ) : (
        <Box>
          <Button variant="outline" onClick={onDone}>
            {t('settings.cancel')}
          </Button>
        </Box>
      )}
    </Stack>
  );
}

/** The user's channels: the list with test, edit, on/off and delete, and adding one of a type the server runs. */
export function Channels({ timeZone }: { timeZone?: string | undefined }) {
  const channels = useChannels();
  const types = useChannelTypes();
  const remove = useDeleteChannel();
  const [adding, setAdding] = useState(false);
  const [doomed, setDoomed] = useState<{ channel: Channel; button: HTMLButtonElement | null }>();
  const addRef = useRef<HTMLButtonElement>(null);
  const [announce, setAnnounce] = useState('');

  if (channels.isPending || types.isPending) return <PageSpinner />;
  if (channels.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => channels.refetch()}>{t('settings.retry')}</Button>}>
        {t('settings.channels.loadFailed', { reason: channels.error.message })}
      </ErrorAlert>
    );
  }
  const typeList = types.data ?? [];
  const byKey = new Map(typeList.map((ty) => [ty.key, ty]));
  const addable = typeList.filter((ty) => ty.key !== IN_APP);
  const doomedName = doomed ? doomed.channel.name || doomed.channel.type || '' : '';

  return (
    <Stack gap="4">
      {types.isError ? <ErrorAlert>{t('settings.channels.typesFailed', { reason: types.error.message })}</ErrorAlert> : null}
      <Text role="status" aria-live="polite" srOnly>
        {announce}
      </Text>
      <Stack as="ul" listStyleType="none" gap="3" aria-label={t('settings.channels.listLabel')}>
        {(channels.data ?? []).map((c) => (
          <ChannelItem
            key={c.id}
            channel={c}
            type={byKey.get(c.type)}
            timeZone={timeZone}
            onDelete={(channel, button) => {
              remove.reset();
              setDoomed({ channel, button });
            }}
          />
        ))}
      </Stack>
      {adding ? (
        <AddChannel
          types={addable}
          onDone={() => {
            setAdding(false);
            requestAnimationFrame(() => addRef.current?.focus());
          }}
        />
      ) : (
        <Box>
          <Button ref={addRef} onClick={() => setAdding(true)} disabled={addable.length === 0}>
            {t('settings.channels.add')}
          </Button>
        </Box>
      )}
      <ConfirmDialog
        open={doomed !== undefined}
        title={t('settings.channels.deleteTitle', { name: doomedName })}
        body={t('settings.channels.deleteBody', { name: doomedName })}
        confirmLabel={t('settings.channels.deleteConfirm')}
        pendingLabel={t('settings.deleting')}
        pending={remove.isPending}
        error={remove.error?.message}
        onClose={() => setDoomed(undefined)}
        finalFocus={() => (remove.isSuccess ? addRef.current : (doomed?.button ?? null))}
        onConfirm={() =>
          doomed?.channel.id &&
          remove.mutate(doomed.channel.id, {
            onSuccess: () => {
              setAnnounce(t('settings.channels.deleted', { name: doomedName }));
              setDoomed(undefined);
            },
          })
        }
      />
    </Stack>
  );
}
