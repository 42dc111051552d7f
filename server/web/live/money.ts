/**
 * Money is integer fen on the wire; a viewer sees yuan in the page's
 * language (¥12.80). "¥" in every language: the shop sells only in yuan, so
 * "CN¥" would say nothing more. (The workstation's useMoneyFormat follows the
 * same rule; this page cannot import the renderer.)
 */
export function fenFormatter(language: string): (fen: number) => string {
  const format = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  });
  return (fen: number) => format.format(fen / 100);
}
