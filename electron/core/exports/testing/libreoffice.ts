import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Path of the LibreOffice binary, or null when it is not installed (tests then skip with a message). */
export async function findSoffice(): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', 'command -v soffice || command -v libreoffice']);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

// Recalculation modes 0 = "always recalculate" so LibreOffice never trusts the cached values in the file.
const ALWAYS_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `xlsxPath` in headless LibreOffice with a private profile (so parallel runs don't share a lock) set to
 * always recalculate, and saves it as xlsx again; returns the path of the recalculated copy.
 */
export async function recalculateWithLibreOffice(soffice: string, xlsxPath: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'bp-lo-'));
  const profile = join(work, 'profile');
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALC);
  const out = join(work, 'out');
  await run(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, xlsxPath], { timeout: 180_000 });
  return join(out, basename(xlsxPath));
}
