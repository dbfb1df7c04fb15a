import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The four Roboto faces shipped with pdfmake: embedded in the PDF and used by resvg for chart PNGs. */
export interface RobotoFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/**
 * Paths of pdfmake's Roboto files. Using the same files for PDF text and chart PNGs keeps both outputs identical
 * on any machine, independent of installed system fonts.
 */
export function robotoFiles(): RobotoFiles {
  const require = createRequire(import.meta.url);
  const descriptor: { Roboto: RobotoFiles } = require('pdfmake/fonts/Roboto.js');
  return descriptor.Roboto;
}

/** The folder holding the Roboto files (the only local path the PDF renderer may read). */
export function robotoDir(): string {
  return dirname(robotoFiles().normal);
}
