import { describe, expect, it } from 'vitest';
import { keysFor } from './events';
import { dispositionFilename, exportFilename, isRunning } from './transfer';

describe('exports and imports', () => {
  it('reads the file name of a Content-Disposition', () => {
    expect(dispositionFilename('attachment; filename="steadfast-export-2026-12-01.zip"')).toBe('steadfast-export-2026-12-01.zip');
    expect(dispositionFilename('attachment; filename=plain.ics')).toBe('plain.ics');
    expect(dispositionFilename("attachment; filename=\"x.zip\"; filename*=UTF-8''J%C3%B6rg%20export.zip")).toBe('Jörg export.zip');
    expect(dispositionFilename('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(dispositionFilename('attachment')).toBeUndefined();
    expect(dispositionFilename(null)).toBeUndefined();
  });

  it('names an export after the day when the server does not', () => {
    expect(exportFilename('csv', '2026-12-01')).toBe('steadfast-export-2026-12-01.zip');
    expect(exportFilename('ics', '2026-12-01')).toBe('steadfast-export-2026-12-01.ics');
    expect(exportFilename('json', undefined)).toBe('steadfast-export.json');
  });

  it('knows which imports still run', () => {
    expect(isRunning({ status: 'queued' })).toBe(true);
    expect(isRunning({ status: 'running' })).toBe(true);
    expect(isRunning({ status: 'done' })).toBe(false);
    expect(isRunning({ status: 'failed' })).toBe(false);
    expect(isRunning(undefined)).toBe(false);
  });

  it('refreshes the habits on the event of an import that is done, not before', () => {
    expect(keysFor('import', { id: 'i1', status: 'running', progress: { done: 1, total: 2 } })).toEqual([]);
    expect(keysFor('import', { id: 'i1', status: 'done' })).toEqual(expect.arrayContaining([['habits'], ['today'], ['habit']]));
  });
});
