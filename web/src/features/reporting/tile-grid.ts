/**
 * A tile-grid map of Japan (タイルグリッドマップ): each prefecture one square at a fixed cell, roughly where it lies,
 * as Japanese news graphics draw it. Column 0 is the west, row 0 the north; every prefecture has the same weight,
 * so Tokyo and Tottori are read alike, which a real map (Hokkaido a fifth of the land) does not allow.
 *
 *      0      1      2      3      4      5      6      7      8      9      10     11     12
 *   0                                                                                      北海道
 *   1                                                                                      青森
 *   2                                                                               秋田   岩手
 *   3                                                                               山形   宮城
 *   4                                                          石川   富山   新潟   福島
 *   5                       島根   鳥取   兵庫   京都   福井   岐阜   長野   群馬   栃木   茨城
 *   6                山口   広島   岡山   大阪   奈良   滋賀   愛知   山梨   埼玉   東京   千葉
 *   7  長崎   佐賀   福岡                        和歌山 三重          静岡   神奈川
 *   8         熊本   大分   愛媛   香川
 *   9         鹿児島 宮崎   高知   徳島
 *  10
 *  11  沖縄
 */

export interface TilePosition {
  /** West (0) to east. */
  column: number;
  /** North (0) to south. */
  row: number;
}

export const GRID_COLUMNS = 13;
export const GRID_ROWS = 12;

const cells: Record<string, [column: number, row: number]> = {
  '01': [12, 0], // 北海道
  '02': [12, 1], // 青森
  '03': [12, 2], // 岩手
  '04': [12, 3], // 宮城
  '05': [11, 2], // 秋田
  '06': [11, 3], // 山形
  '07': [11, 4], // 福島
  '08': [12, 5], // 茨城
  '09': [11, 5], // 栃木
  '10': [10, 5], // 群馬
  '11': [10, 6], // 埼玉
  '12': [12, 6], // 千葉
  '13': [11, 6], // 東京
  '14': [10, 7], // 神奈川
  '15': [10, 4], // 新潟
  '16': [9, 4], // 富山
  '17': [8, 4], // 石川
  '18': [7, 5], // 福井
  '19': [9, 6], // 山梨
  '20': [9, 5], // 長野
  '21': [8, 5], // 岐阜
  '22': [9, 7], // 静岡
  '23': [8, 6], // 愛知
  '24': [7, 7], // 三重
  '25': [7, 6], // 滋賀
  '26': [6, 5], // 京都
  '27': [5, 6], // 大阪
  '28': [5, 5], // 兵庫
  '29': [6, 6], // 奈良
  '30': [6, 7], // 和歌山
  '31': [4, 5], // 鳥取
  '32': [3, 5], // 島根
  '33': [4, 6], // 岡山
  '34': [3, 6], // 広島
  '35': [2, 6], // 山口
  '36': [4, 9], // 徳島
  '37': [4, 8], // 香川
  '38': [3, 8], // 愛媛
  '39': [3, 9], // 高知
  '40': [2, 7], // 福岡
  '41': [1, 7], // 佐賀
  '42': [0, 7], // 長崎
  '43': [1, 8], // 熊本
  '44': [2, 8], // 大分
  '45': [2, 9], // 宮崎
  '46': [1, 9], // 鹿児島
  '47': [0, 11], // 沖縄
};

/** The cell of every prefecture, by JIS code '01'..'47'. */
export const tileGrid: ReadonlyMap<string, TilePosition> = new Map(
  Object.entries(cells).map(([code, [column, row]]) => [code, { column, row }]),
);

/** The cell of a prefecture, or undefined for a code that is not one of the 47. */
export const tilePosition = (code: string): TilePosition | undefined => tileGrid.get(code);
