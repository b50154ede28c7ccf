import { Box, Button, Stack, Text } from '@chakra-ui/react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import { formErrors } from '../../api/errors';
import { useDeleteAccount, useExport } from '../../api/settings';
import { useToday } from '../../api/today';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadJson, exportFilename } from './download';
import { Part, Saved, Section } from './Section';

function ExportPart() {
  const exported = useExport();
  const today = useToday().data?.date;
  const [done, setDone] = useState(false);

  function download() {
    setDone(false);
    exported.mutate(undefined, {
      onSuccess: (data) => {
        downloadJson(exportFilename(today), data);
        setDone(true);
      },
    });
  }

  return (
    <Part title={t('settings.data.exportTitle')} intro={t('settings.data.exportIntro')}>
      {exported.isError ? <ErrorAlert>{t('settings.data.exportFailed', { reason: exported.error.message })}</ErrorAlert> : null}
      <Stack direction="row" gap="4" align="center" wrap="wrap">
        <Button onClick={download} loading={exported.isPending} loadingText={t('settings.data.exporting')}>
          {t('settings.data.export')}
        </Button>
        <Saved>{done ? t('settings.data.exported') : null}</Saved>
      </Stack>
    </Part>
  );
}

function DeletePart() {
  const navigate = useNavigate();
  const email = useMe().data?.email ?? '';
  const remove = useDeleteAccount(() => navigate('/sign-in', { replace: true }));
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const errors = formErrors(remove.error, ['password'] as const);

  return (
    <Part title={t('settings.data.deleteTitle')} intro={t('settings.data.deleteIntro')}>
      <Box>
        <Button
          ref={buttonRef}
          colorPalette="red"
          variant="outline"
          onClick={() => {
            remove.reset();
            setPassword('');
            setOpen(true);
          }}
        >
          {t('settings.data.delete')}
        </Button>
      </Box>
      <ConfirmDialog
        open={open}
        title={t('settings.data.deleteDialogTitle')}
        body={
          <Stack gap="2">
            <Text>{t('settings.data.deleteBody', { email })}</Text>
            <Text fontWeight="medium">{t('settings.data.deleteWarning')}</Text>
          </Stack>
        }
        confirmLabel={t('settings.data.deleteConfirm')}
        pendingLabel={t('settings.deleting')}
        pending={remove.isPending}
        error={errors.general}
        ready={password !== ''}
        onClose={() => setOpen(false)}
        finalFocus={() => buttonRef.current}
        onConfirm={() => remove.mutate(password)}
      >
        {/* for password managers: whose password this is */}
        <input type="text" name="username" autoComplete="username" hidden readOnly value={email} />
        <TextField
          name="password"
          type="password"
          label={t('settings.data.password')}
          hint={t('settings.data.passwordHint')}
          value={password}
          onChange={(e) => {
            if (remove.isError) remove.reset();
            setPassword(e.target.value);
          }}
          error={errors.fields.password}
          autoComplete="current-password"
          required
        />
      </ConfirmDialog>
    </Part>
  );
}

/** The account's data: everything as a JSON download, and deleting the account. */
export function DataSection() {
  return (
    <Section title={t('settings.nav.data')} intro={t('settings.data.intro')}>
      <ExportPart />
      <DeletePart />
    </Section>
  );
}
