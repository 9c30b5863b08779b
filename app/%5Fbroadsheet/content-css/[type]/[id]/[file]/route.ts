import { answerContentStylesheet, parseContentStylesheetAddress } from '@/lib/content/content-stylesheet';

type Context = { params: Promise<{ type: string; id: string; file: string }> };

/** A published item's content stylesheet, by its digest (lib/content/content-stylesheet.ts). */
export async function GET(_request: Request, { params }: Context) {
  const { type, id, file } = await params;
  return answerContentStylesheet(parseContentStylesheetAddress(type, id, file));
}
