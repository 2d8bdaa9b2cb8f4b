/** Real PDFs for tests, made with pdf-lib: one page per array of lines, text drawn with a standard font. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function makePdf(pages: ReadonlyArray<readonly string[]>): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 11, font }));
  }
  return Buffer.from(await pdf.save());
}
