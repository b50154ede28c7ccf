import { Alert, Badge, Box, Button, Field, Flex, Link, List, Progress, Stack, Text, chakra } from '@chakra-ui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMe } from '../../api/auth';
import { ApiError, toApiError } from '../../api/errors';
import {
  importListKey,
  isRunning,
  refreshImported,
  useImport,
  useImports,
  useStartImport,
  type ImportJob,
} from '../../api/transfer';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/t';
import { formatBytes } from '../../lib/bytes';
import { IMPORT_GUIDE_ANCHOR, userGuideUrl } from '../../lib/docs';
import { formatDateTime } from './format';
import { Part } from './Section';

/** What the file picker offers: the files the server reads (it tells the format from the bytes, not the name). */
export const IMPORT_ACCEPT = '.db,.zip,.csv,.json';

/** How many past imports the list shows. */
const PAST = 5;

const STATUS_KEYS: Record<string, MessageKey> = {
  queued: 'settings.data.importStatus.queued',
  running: 'settings.data.importStatus.running',
  done: 'settings.data.importStatus.done',
  failed: 'settings.data.importStatus.failed',
};
const STATUS_PALETTE: Record<string, string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };
const FORMAT_KEYS: Record<string, MessageKey> = {
  'loop-sqlite': 'settings.data.importFormat.loop-sqlite',
  'loop-csv': 'settings.data.importFormat.loop-csv',
  habitica: 'settings.data.importFormat.habitica',
  csv: 'settings.data.importFormat.csv',
  steadfast: 'settings.data.importFormat.steadfast',
};

function fileOf(job: ImportJob): string {
  return job.fileName || t('settings.data.importUnnamed');
}

/** Why the server refused the file, in words: its detail (the line or part at fault) when it gave one. */
export function refusal(error: unknown): string {
  const e = toApiError(error);
  if (e.status === 413) return e.detail ? `${t('settings.data.importTooLarge')} ${e.detail}` : t('settings.data.importTooLarge');
  if (e.status === 429) return t('settings.data.importBusy');
  return e.fieldMessage('file') ?? e.message;
}

function Counts({ job }: { job: ImportJob }) {
  const s = job.summary ?? {};
  return (
    <List.Root ps="5" gap="0.5">
      <List.Item>{t('settings.data.importHabits', { count: s.habits ?? 0 })}</List.Item>
      <List.Item>{t('settings.data.importDays', { count: s.checkins ?? 0 })}</List.Item>
      {(s.photos ?? 0) > 0 ? <List.Item>{t('settings.data.importPhotos', { count: s.photos ?? 0 })}</List.Item> : null}
      {(s.skipped ?? 0) > 0 ? <List.Item>{t('settings.data.importSkipped', { count: s.skipped ?? 0 })}</List.Item> : null}
    </List.Root>
  );
}

function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <chakra.details mt="1">
      <chakra.summary cursor="pointer" fontWeight="medium" _focusVisible={{ outline: '2px solid', outlineColor: 'colorPalette.focusRing' }}>
        {t('settings.data.importWarnings', { count: warnings.length })}
      </chakra.summary>
      <List.Root as="ul" ps="5" mt="1" gap="1" textStyle="sm">
        {warnings.map((w, i) => (
          <List.Item key={i} wordBreak="break-word">
            {w}
          </List.Item>
        ))}
      </List.Root>
    </chakra.details>
  );
}

/** The import started here: its progress while it runs, its summary when done, why it failed. */
function CurrentImport({ id }: { id: string }) {
  const client = useQueryClient();
  const query = useImport(id);
  const job = query.data;
  const status = job?.status;
  const finished = useRef<string | undefined>(undefined);

  // once done: Today, Habits and the rest show the new habits; the list shows the outcome
  useEffect(() => {
    if (!status || isRunning(job) || finished.current === status) return;
    finished.current = status;
    void client.invalidateQueries({ queryKey: importListKey });
    if (status === 'done') void refreshImported(client);
  }, [client, job, status]);

  if (query.isError && !job) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => query.refetch()}>{t('settings.retry')}</Button>}>
        {t('settings.data.importLoadFailed', { reason: query.error.message })}
      </ErrorAlert>
    );
  }
  if (!job) return null;

  if (isRunning(job)) {
    const done = job.progress?.done ?? 0;
    const total = job.progress?.total ?? 0;
    const known = job.status === 'running' && total > 0;
    const label =
      job.status === 'queued'
        ? t('settings.data.importQueued')
        : total > 0
          ? t('settings.data.importRunning', { done, count: total })
          : t('settings.data.importRunningNoTotal');
    return (
      <Progress.Root
        value={known ? Math.min(100, Math.round((done / total) * 100)) : null}
        colorPalette="teal"
        maxW="xl"
        translations={{ value: () => `${t('settings.data.importProgressLabel')}: ${label}` }}
      >
        <Progress.Label mb="1" fontWeight="normal">
          {fileOf(job)}
        </Progress.Label>
        <Progress.Track>
          <Progress.Range />
        </Progress.Track>
        <Text mt="1" textStyle="sm" color="fg.muted" role="status" aria-live="polite">
          {label}
        </Text>
      </Progress.Root>
    );
  }

  if (job.status === 'failed') {
    return (
      <ErrorAlert>
        {job.error
          ? t('settings.data.importFailed', { file: fileOf(job), reason: job.error })
          : t('settings.data.importFailedNoReason', { file: fileOf(job) })}
      </ErrorAlert>
    );
  }

  return (
    <Alert.Root status="success" role="status" alignItems="start">
      <Alert.Indicator />
      <Alert.Content gap="2">
        <Alert.Title>{t('settings.data.importDone', { file: fileOf(job) })}</Alert.Title>
        <Alert.Description>
          <Counts job={job} />
          <Warnings warnings={job.summary?.warnings ?? []} />
          <Link asChild mt="2" display="inline-block" fontWeight="medium" textDecoration="underline">
            <RouterLink to="/habits">{t('settings.data.importSeeHabits')}</RouterLink>
          </Link>
        </Alert.Description>
      </Alert.Content>
    </Alert.Root>
  );
}

function PastImports({ exclude }: { exclude: string | undefined }) {
  const list = useImports();
  const zone = useMe().data?.timezone;
  const headingId = useId();
  const past = (list.data ?? []).filter((j) => j.id !== exclude).slice(0, PAST);
  if (list.isError) {
    return (
      <ErrorAlert action={<Button size="sm" onClick={() => list.refetch()}>{t('settings.retry')}</Button>}>
        {t('settings.data.importLoadFailed', { reason: list.error.message })}
      </ErrorAlert>
    );
  }
  if (list.isPending) return null;
  return (
    <Stack gap="2">
      <Text as="h4" id={headingId} fontWeight="semibold">
        {t('settings.data.importPast')}
      </Text>
      {past.length === 0 ? (
        <Text color="fg.muted" textStyle="sm">
          {/* the one shown above is not "no import": say that there is none before it */}
          {t(exclude !== undefined && (list.data ?? []).some((j) => j.id === exclude)
            ? 'settings.data.importNoEarlier'
            : 'settings.data.importNoPast')}
        </Text>
      ) : (
        <Stack as="ul" listStyleType="none" m="0" p="0" gap="2" aria-labelledby={headingId}>
          {past.map((job) => {
            const formatKey = job.format ? FORMAT_KEYS[job.format] : undefined;
            const statusKey = STATUS_KEYS[job.status];
            return (
              <Box as="li" key={job.id} borderWidth="1px" rounded="md" px="3" py="2">
                <Flex gap="2" align="center" wrap="wrap">
                  <Text fontWeight="medium" wordBreak="break-all">
                    {fileOf(job)}
                  </Text>
                  {formatKey ? (
                    <Badge variant="outline">{t(formatKey)}</Badge>
                  ) : null}
                  <Badge colorPalette={STATUS_PALETTE[job.status] ?? 'gray'} variant="subtle">
                    {statusKey ? t(statusKey) : job.status}
                  </Badge>
                </Flex>
                <Text textStyle="sm" color="fg.muted">
                  {job.status === 'failed'
                    ? `${formatDateTime(job.createdAt ?? '', zone)}${job.error ? ` — ${job.error}` : ''}`
                    : t('settings.data.importPastSummary', {
                        when: formatDateTime(job.createdAt ?? '', zone),
                        habits: t('settings.data.importHabits', { count: job.summary?.habits ?? 0 }),
                        days: t('settings.data.importDays', { count: job.summary?.checkins ?? 0 }),
                      })}
                </Text>
              </Box>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

function GuideLink() {
  const url = userGuideUrl(IMPORT_GUIDE_ANCHOR);
  if (!url) return <Text textStyle="sm" color="fg.muted">{t('settings.data.importGuideText')}</Text>;
  return (
    <Link href={url} target="_blank" rel="noopener noreferrer" textStyle="sm" textDecoration="underline" alignSelf="start">
      {t('settings.data.importGuide')}
    </Link>
  );
}

/** Import a file of history: the picker, the running import's progress and outcome, and the past imports. */
export function ImportPart() {
  const start = useStartImport();
  const list = useImports();
  const [file, setFile] = useState<File | undefined>();
  const [started, setStarted] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();

  // an import still running from before (another tab, a reload) is followed too, to its end
  const newest = list.data?.[0];
  const running = newest && isRunning(newest) ? newest.id : undefined;
  useEffect(() => {
    if (running) setStarted((s) => s ?? running);
  }, [running]);
  const current = started ?? running;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file || start.isPending) return;
    start.mutate(file, {
      onSuccess: (job) => {
        if (job?.id) setStarted(job.id);
        setFile(undefined);
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  }

  const refused = start.isError ? refusal(start.error) : undefined;
  const detailed = start.error instanceof ApiError && start.error.status === 422;

  return (
    <Part title={t('settings.data.importTitle')} intro={t('settings.data.importIntro')}>
      <Stack gap="1" textStyle="sm">
        <Text>{t('settings.data.importReads')}</Text>
        <List.Root ps="5" gap="0.5">
          <List.Item>{t('settings.data.importLoop')}</List.Item>
          <List.Item>{t('settings.data.importHabitica')}</List.Item>
          <List.Item>{t('settings.data.importCsv')}</List.Item>
          <List.Item>{t('settings.data.importSteadfast')}</List.Item>
        </List.Root>
      </Stack>
      <GuideLink />
      <form onSubmit={submit} noValidate>
        <Stack gap="3">
          {refused ? (
            <ErrorAlert>{detailed ? t('settings.data.importRefused', { reason: refused }) : refused}</ErrorAlert>
          ) : null}
          <Field.Root>
            <Field.Label htmlFor={inputId}>{t('settings.data.importFile')}</Field.Label>
            <chakra.input
              ref={inputRef}
              id={inputId}
              type="file"
              name="file"
              accept={IMPORT_ACCEPT}
              aria-describedby={hintId}
              maxW="full"
              p="2"
              borderWidth="1px"
              rounded="md"
              textStyle="sm"
              cursor="pointer"
              _focusVisible={{ outline: '2px solid', outlineColor: 'colorPalette.focusRing', outlineOffset: '2px' }}
              onChange={(e) => {
                start.reset();
                setFile(e.target.files?.[0] ?? undefined);
              }}
            />
            <Field.HelperText id={hintId}>
              {file
                ? t('settings.data.importChosen', { name: file.name, size: formatBytes(file.size) })
                : t('settings.data.importFileHint')}
            </Field.HelperText>
          </Field.Root>
          <Box>
            <Button type="submit" disabled={!file} loading={start.isPending} loadingText={t('settings.data.importSending')}>
              {t('settings.data.importStart')}
            </Button>
          </Box>
        </Stack>
      </form>
      {current ? <CurrentImport id={current} /> : null}
      <PastImports exclude={current} />
    </Part>
  );
}
