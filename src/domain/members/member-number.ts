/**
 * The key member numbers sort by: runs of digits compare as numbers, whatever their zero padding ("3" and "0003"
 * before "000284"; "W2" before "W10"), and the rest as written. Each run of digits becomes its length (two digits)
 * and its value without leading zeros, so a plain comparison of keys is a natural comparison of numbers. Numbers
 * that differ only in padding share a key; the number itself breaks the tie.
 */
export function memberNumberSortKey(memberNumber: string): string {
  return memberNumber.normalize('NFKC').replace(/\d+/g, (digits) => {
    const value = digits.replace(/^0+(?=\d)/, '');
    return `${String(value.length).padStart(2, '0')}${value}`;
  });
}
