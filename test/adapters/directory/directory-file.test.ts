import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectoryFile } from '../../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../../src/adapters/directory/load-directory.ts';

const YAML = `# Who is who
coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM01, users: [U0COORD01] }

divisions:
  総務部人事課: { channel: C0JINJI001, users: [U0JINJI01], deputies: [U0JINJI03] }  # the HR division
`;

let folder: string;
let path: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'shinchoku-dir-'));
  path = join(folder, 'directory.yaml');
  writeFileSync(path, YAML);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function open() {
  const loaded = await loadDirectory(path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return createDirectoryFile(path, loaded.value);
}

describe('createDirectoryFile', () => {
  it('writes a change into the YAML, keeping comments, and leaves no temporary file', async () => {
    const store = await open();
    const changed = await store.change({ division: '総務部人事課', channel: 'C0JINJI002', users: null, channelMembers: null });
    expect(changed.ok).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# Who is who');
    expect(text).toContain('# the HR division');
    expect(text).toContain('channel: C0JINJI002');
    expect(readdirSync(folder)).toEqual(['directory.yaml']);
    expect(store.current().divisions.get('総務部人事課')).toMatchObject({ channel: 'C0JINJI002', users: ['U0JINJI01'] });
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    const store = await open();
    await Promise.all([
      store.change({ division: '総務部人事課', channel: null, users: ['U0A000001'], channelMembers: null }),
      store.change({ division: '総務部財政課', channel: 'C0ZAISEI01', users: ['U0Z000001'], channelMembers: null }),
      store.change({ division: '総務部人事課', channel: null, users: null, channelMembers: true }),
    ]);
    const reloaded = await loadDirectory(path);
    expect(reloaded.ok && Object.fromEntries(reloaded.value.divisions)).toEqual({
      総務部人事課: { channel: 'C0JINJI001', users: ['U0A000001'], deputies: ['U0JINJI03'], channelMembers: true },
      総務部財政課: { channel: 'C0ZAISEI01', users: ['U0Z000001'], deputies: [] },
    });
  });

  it('refuses to write over a file someone broke by hand since start, and keeps using what it had', async () => {
    const store = await open();
    writeFileSync(path, `${YAML}  総務部財政課: { chanel: C1 }\n`);
    const changed = await store.change({ division: '総務部人事課', channel: 'C0JINJI002', users: null, channelMembers: null });
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error.message).toMatch(/directory\.yaml:6/u);
    expect(readFileSync(path, 'utf8')).toContain('chanel');
    expect(store.current().divisions.get('総務部人事課')?.channel).toBe('C0JINJI001');
  });

  it('without a file, changes nothing and says how to make one', async () => {
    const missing = join(folder, 'config', 'directory.yaml');
    const store = createDirectoryFile(missing, (await open()).current());
    const changed = await store.change({ division: '総務部人事課', channel: 'C0JINJI002', users: null, channelMembers: null });
    expect(!changed.ok && changed.error.code).toBe('directory_missing');
    expect(readdirSync(folder)).toEqual(['directory.yaml']);
    expect(store.current().divisions.get('総務部人事課')?.channel).toBe('C0JINJI001');
  });

  it('says what is wrong with a broken or missing file in the session language, naming the file and line', async () => {
    const loaded = await loadDirectory(path);
    if (!loaded.ok) throw new Error(loaded.error.message);
    writeFileSync(path, `${YAML}  総務部財政課: { channel: [C0ZAISEI01\n`);
    const change = { division: '総務部人事課', channel: 'C0JINJI002', users: null, channelMembers: null };
    const ja = await createDirectoryFile(path, loaded.value).change(change);
    const jaMessage = ja.ok ? '' : ja.error.message;
    expect(jaMessage.startsWith(`${path}:`)).toBe(true);
    expect(jaMessage).toMatch(/:\d+: YAML の書き方が正しくありません/u);
    const en = await createDirectoryFile(path, loaded.value, 'en').change(change);
    expect(!en.ok && en.error.message).toContain(': YAML syntax error: ');
    const missing = join(folder, 'nowhere', 'directory.yaml');
    const gone = await createDirectoryFile(missing, loaded.value, 'en').change(change);
    expect(!gone.ok && gone.error.message).toBe(`${missing} does not exist`);
    expect(!gone.ok && (await createDirectoryFile(missing, loaded.value).change(change))).toMatchObject({ error: { message: `${missing} がありません` } });
  });
});
