import pdfmake from 'pdfmake';
import type { BoardPackDocument } from '../../../../shared/boardpack/model';
import { robotoDir, robotoFiles } from '../fonts';
import { pdfDocumentDefinition, type PdfPaper } from './document';

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  paper?: PdfPaper;
}

/**
 * Renders the pack to PDF bytes with pdfmake 0.3. pdfmake's Node API is a module singleton, so every render sets
 * the same configuration before use: Roboto only, no URL fetching, local reads limited to the Roboto folder.
 */
export async function renderPdf(doc: BoardPackDocument, options: PdfOptions = {}): Promise<Buffer> {
  const fontDir = robotoDir();
  pdfmake.setFonts({ Roboto: robotoFiles() });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  const definition = pdfDocumentDefinition(doc, options.paper ?? 'A4');
  return pdfmake.createPdf(definition).getBuffer();
}
