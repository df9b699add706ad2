/**
 * The thematic facts of the region (sources in data/SOURCES.md: corridors, seaports, airports,
 * economic zones, border gates, defence context), typed once for `npm run data`.
 * Coordinates are [lon, lat]; `acc` is the brief's ± in metres. Provinces are not typed
 * here: the build computes them by point-in-polygon.
 */
import type { Horizon, Status } from '../src/core/layers.ts';

type LonLat = [number, number];

export interface TerminalFact {
  id: string;
  name: string;
  at: LonLat;
  status: Status;
}
export interface SeaportFact {
  id: string;
  /** ISO code of the 2022 province the brief puts it in. */
  province: string;
  name_vi: string;
  name_en: string;
  class: 'I' | 'II' | 'III';
  terminals: TerminalFact[];
}

/** QD1579 seaports, class from QD804, terminals approx. ±2–5 km (5 km taken). */
export const SEAPORTS: SeaportFact[] = [
  {
    id: 'thanh-hoa',
    province: 'VN-21',
    name_vi: 'Cảng biển Thanh Hóa',
    name_en: 'Thanh Hoa seaport',
    class: 'I',
    terminals: [{ id: 'nghi-son', name: 'Nghi Sơn', at: [105.81, 19.32], status: 'existing' }],
  },
  {
    id: 'nghe-an',
    province: 'VN-22',
    name_vi: 'Cảng biển Nghệ An',
    name_en: 'Nghe An seaport',
    class: 'I',
    terminals: [
      { id: 'cua-lo', name: 'Cửa Lò', at: [105.72, 18.82], status: 'existing' },
      { id: 'dong-hoi-na', name: 'Đông Hồi', at: [105.78, 19.27], status: 'existing' },
    ],
  },
  {
    id: 'ha-tinh',
    province: 'VN-23',
    name_vi: 'Cảng biển Hà Tĩnh',
    name_en: 'Ha Tinh seaport',
    class: 'I',
    terminals: [
      { id: 'vung-ang', name: 'Vũng Áng', at: [106.39, 18.1], status: 'existing' },
      { id: 'son-duong', name: 'Sơn Dương', at: [106.43, 18.07], status: 'existing' },
    ],
  },
  {
    id: 'quang-binh',
    province: 'VN-24',
    name_vi: 'Cảng biển Quảng Bình',
    name_en: 'Quang Binh seaport',
    class: 'II',
    terminals: [
      { id: 'hon-la', name: 'Hòn La', at: [106.52, 17.93], status: 'existing' },
      { id: 'gianh', name: 'Gianh', at: [106.49, 17.7], status: 'existing' },
    ],
  },
  {
    id: 'quang-tri',
    province: 'VN-25',
    name_vi: 'Cảng biển Quảng Trị',
    name_en: 'Quang Tri seaport',
    class: 'II',
    terminals: [
      { id: 'cua-viet', name: 'Cửa Việt', at: [107.18, 16.9], status: 'existing' },
      { id: 'my-thuy', name: 'Mỹ Thủy', at: [107.34, 16.77], status: 'under_construction' },
    ],
  },
  {
    id: 'thua-thien-hue',
    province: 'VN-26',
    name_vi: 'Cảng biển Thừa Thiên Huế',
    name_en: 'Thua Thien Hue seaport',
    class: 'II',
    terminals: [
      { id: 'chan-may', name: 'Chân Mây', at: [108.0, 16.33], status: 'existing' },
      { id: 'thuan-an', name: 'Thuận An', at: [107.64, 16.56], status: 'existing' },
    ],
  },
  {
    id: 'da-nang',
    province: 'VN-DN',
    name_vi: 'Cảng biển Đà Nẵng',
    name_en: 'Da Nang seaport',
    class: 'I',
    terminals: [
      { id: 'tien-sa', name: 'Tiên Sa', at: [108.21, 16.12], status: 'existing' },
      { id: 'lien-chieu', name: 'Liên Chiểu', at: [108.13, 16.12], status: 'under_construction' },
    ],
  },
  {
    id: 'quang-nam',
    province: 'VN-27',
    name_vi: 'Cảng biển Quảng Nam',
    name_en: 'Quang Nam seaport',
    class: 'III',
    terminals: [{ id: 'ky-ha-chu-lai', name: 'Kỳ Hà / Chu Lai', at: [108.67, 15.49], status: 'existing' }],
  },
  {
    id: 'quang-ngai',
    province: 'VN-29',
    name_vi: 'Cảng biển Quảng Ngãi',
    name_en: 'Quang Ngai seaport',
    class: 'I',
    terminals: [
      { id: 'dung-quat', name: 'Dung Quất', at: [108.79, 15.41], status: 'existing' },
      { id: 'sa-ky', name: 'Sa Kỳ', at: [108.93, 15.21], status: 'existing' },
    ],
  },
  {
    id: 'binh-dinh',
    province: 'VN-31',
    name_vi: 'Cảng biển Bình Định',
    name_en: 'Binh Dinh seaport',
    class: 'I',
    terminals: [{ id: 'quy-nhon', name: 'Quy Nhơn', at: [109.24, 13.77], status: 'existing' }],
  },
  {
    id: 'phu-yen',
    province: 'VN-32',
    name_vi: 'Cảng biển Phú Yên',
    name_en: 'Phu Yen seaport',
    class: 'III',
    terminals: [{ id: 'vung-ro', name: 'Vũng Rô', at: [109.4, 12.87], status: 'existing' }],
  },
  {
    id: 'khanh-hoa',
    province: 'VN-34',
    name_vi: 'Cảng biển Khánh Hòa',
    name_en: 'Khanh Hoa seaport',
    class: 'I',
    terminals: [
      { id: 'van-phong', name: 'Vân Phong', at: [109.38, 12.62], status: 'existing' },
      { id: 'nha-trang', name: 'Nha Trang', at: [109.22, 12.21], status: 'existing' },
      { id: 'ba-ngoi-cam-ranh', name: 'Ba Ngòi / Cam Ranh', at: [109.16, 11.91], status: 'existing' },
    ],
  },
  {
    id: 'ninh-thuan',
    province: 'VN-36',
    name_vi: 'Cảng biển Ninh Thuận',
    name_en: 'Ninh Thuan seaport',
    class: 'III',
    terminals: [{ id: 'ca-na', name: 'Cà Ná', at: [108.87, 11.33], status: 'existing' }],
  },
  {
    id: 'binh-thuan',
    province: 'VN-40',
    name_vi: 'Cảng biển Bình Thuận',
    name_en: 'Binh Thuan seaport',
    class: 'II',
    terminals: [
      { id: 'vinh-tan', name: 'Vĩnh Tân', at: [108.8, 11.32], status: 'existing' },
      { id: 'phan-thiet-port', name: 'Phan Thiết', at: [108.11, 10.92], status: 'existing' },
      { id: 'phu-quy', name: 'Phú Quý', at: [108.94, 10.5], status: 'existing' },
    ],
  },
];

export interface AirportFact {
  id: string;
  name: string;
  iata: string | null;
  status: Status;
  /** 'international' | 'domestic' today, or null when not open yet. */
  role: 'international' | 'domestic' | null;
  /** Made international under QD648 by 2030. */
  international_2030: boolean;
  at: LonLat;
  acc: number;
  horizon: Horizon;
  note_vi: string | null;
  note_en: string | null;
}

export const AIRPORTS: AirportFact[] = [
  {
    id: 'tho-xuan',
    name: 'Thọ Xuân',
    iata: 'THD',
    status: 'existing',
    role: 'domestic',
    international_2030: true,
    at: [105.4678, 19.9017],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'vinh',
    name: 'Vinh',
    iata: 'VII',
    status: 'existing',
    role: 'domestic',
    international_2030: true,
    at: [105.671, 18.7376],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'dong-hoi',
    name: 'Đồng Hới',
    iata: 'VDH',
    status: 'existing',
    role: 'domestic',
    international_2030: false,
    at: [106.5906, 17.515],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'quang-tri-airport',
    name: 'Quảng Trị',
    iata: null,
    status: 'under_construction',
    role: null,
    international_2030: false,
    at: [107.15, 16.93],
    acc: 5000,
    horizon: '2030',
    note_vi: 'Đang xây dựng (Gio Linh); chưa xác nhận thời điểm khai thác.',
    note_en: 'Under construction (Gio Linh); opening date unconfirmed.',
  },
  {
    id: 'phu-bai',
    name: 'Phú Bài',
    iata: 'HUI',
    status: 'existing',
    role: 'international',
    international_2030: false,
    at: [107.703, 16.4015],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'da-nang-airport',
    name: 'Đà Nẵng',
    iata: 'DAD',
    status: 'existing',
    role: 'international',
    international_2030: false,
    at: [108.199, 16.0439],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'chu-lai',
    name: 'Chu Lai',
    iata: 'VCL',
    status: 'existing',
    role: 'domestic',
    international_2030: true,
    at: [108.706, 15.4033],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'phu-cat',
    name: 'Phù Cát',
    iata: 'UIH',
    status: 'existing',
    role: 'domestic',
    international_2030: false,
    at: [109.042, 13.955],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'tuy-hoa',
    name: 'Tuy Hòa',
    iata: 'TBB',
    status: 'existing',
    role: 'domestic',
    international_2030: false,
    at: [109.334, 13.0496],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'cam-ranh',
    name: 'Cam Ranh',
    iata: 'CXR',
    status: 'existing',
    role: 'international',
    international_2030: false,
    at: [109.219, 11.9982],
    acc: 100,
    horizon: 'today',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'phan-thiet-airport',
    name: 'Phan Thiết',
    iata: null,
    status: 'under_construction',
    role: null,
    international_2030: false,
    at: [108.17, 11.0],
    acc: 5000,
    horizon: '2030',
    note_vi:
      'Sân bay mới lưỡng dụng tại xã Thiện Nghiệp (nay phường Mũi Né), đông bắc thành phố Phan Thiết (khởi công 2015 tại Thiện Nghiệp; hạng mục quân sự hoàn thành 12/2025); hạng mục dân dụng chưa khai thác. Vị trí ±5 km theo tên xã.',
    note_en:
      'The new dual-use airport in Thiện Nghiệp commune (now Mũi Né ward), north-east of Phan Thiết (ground broken there in 2015; its military part completed Dec 2025); the civil part is not open. Position ±5 km from the commune.',
  },
];

export interface ZoneFact {
  id: string;
  name: string;
  centre: LonLat;
  acc: number;
  area_ha: number;
  area_unconfirmed: boolean;
  established: number | null;
  established_unconfirmed: boolean;
  established_by: string | null;
  note_vi: string | null;
  note_en: string | null;
}

/** Coastal economic zones (centres ±5–10 km: 10 km taken). */
export const ZONES: ZoneFact[] = [
  {
    id: 'kkt-nghi-son',
    name: 'Nghi Sơn',
    centre: [105.78, 19.35],
    acc: 10000,
    area_ha: 18611.8,
    area_unconfirmed: false,
    established: 2006,
    established_unconfirmed: false,
    established_by: null,
    note_vi: 'Sau này được mở rộng (khoảng 106.000 ha, chưa xác nhận); vòng tròn theo diện tích khi thành lập.',
    note_en: 'Later enlarged (about 106,000 ha, unconfirmed); the circle uses the area at establishment.',
  },
  {
    id: 'kkt-dong-nam-nghe-an',
    name: 'Đông Nam Nghệ An',
    centre: [105.7, 18.87],
    acc: 10000,
    area_ha: 20776.47,
    area_unconfirmed: false,
    established: 2007,
    established_unconfirmed: true,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-vung-ang',
    name: 'Vũng Áng',
    centre: [106.38, 18.05],
    acc: 10000,
    area_ha: 22781,
    area_unconfirmed: false,
    established: 2006,
    established_unconfirmed: false,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-hon-la',
    name: 'Hòn La',
    centre: [106.48, 17.9],
    acc: 10000,
    area_ha: 10000,
    area_unconfirmed: true,
    established: 2008,
    established_unconfirmed: true,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-dong-nam-quang-tri',
    name: 'Đông Nam Quảng Trị',
    centre: [107.28, 16.8],
    acc: 10000,
    area_ha: 23792,
    area_unconfirmed: false,
    established: 2015,
    established_unconfirmed: false,
    established_by: 'Quyết định 42/2015/QĐ-TTg',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-chan-may-lang-co',
    name: 'Chân Mây–Lăng Cô',
    centre: [108.0, 16.28],
    acc: 10000,
    area_ha: 27108,
    area_unconfirmed: false,
    established: 2006,
    established_unconfirmed: false,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-chu-lai',
    name: 'Chu Lai (khu kinh tế mở)',
    centre: [108.59, 15.52],
    acc: 10000,
    area_ha: 27040,
    area_unconfirmed: false,
    established: 2003,
    established_unconfirmed: false,
    established_by: 'Quyết định 108/2003/QĐ-TTg',
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-dung-quat',
    name: 'Dung Quất',
    centre: [108.78, 15.35],
    acc: 10000,
    area_ha: 10300,
    area_unconfirmed: false,
    established: 2005,
    established_unconfirmed: false,
    established_by: null,
    note_vi: 'Sau này được mở rộng; vòng tròn theo diện tích khi thành lập.',
    note_en: 'Later enlarged; the circle uses the area at establishment.',
  },
  {
    id: 'kkt-nhon-hoi',
    name: 'Nhơn Hội',
    centre: [109.25, 13.88],
    acc: 10000,
    area_ha: 12000,
    area_unconfirmed: false,
    established: 2005,
    established_unconfirmed: false,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-nam-phu-yen',
    name: 'Nam Phú Yên',
    centre: [109.35, 12.95],
    acc: 10000,
    area_ha: 20730,
    area_unconfirmed: true,
    established: 2008,
    established_unconfirmed: true,
    established_by: null,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'kkt-van-phong',
    name: 'Vân Phong',
    centre: [109.3, 12.65],
    acc: 10000,
    area_ha: 150000,
    area_unconfirmed: false,
    established: 2006,
    established_unconfirmed: false,
    established_by: null,
    note_vi: 'Diện tích gồm cả đất liền và mặt biển.',
    note_en: 'The area counts land and sea.',
  },
];

export interface GateFact {
  id: string;
  /** ISO code of the 2022 province the brief puts it in. */
  province: string;
  name: string;
  type: 'international' | 'main' | 'national';
  other_side: string;
  country: 'LA' | 'KH';
  road: string | null;
  at: LonLat;
  acc: number;
  note_vi: string | null;
  note_en: string | null;
}

export const GATES: GateFact[] = [
  {
    id: 'ten-tan',
    province: 'VN-21',
    name: 'Tén Tằn',
    type: 'main',
    other_side: 'Lào – chưa xác nhận / Laos – unconfirmed',
    country: 'LA',
    road: null,
    at: [104.55, 20.46],
    acc: 10000,
    note_vi: 'Vị trí ±10 km theo tên xã Tén Tằn (Mường Lát); loại cửa khẩu, tên phía Lào và số hiệu đường chưa xác nhận.',
    note_en: 'Position ±10 km from Tén Tằn commune (Mường Lát); gate type, the Lao side name and the road number unconfirmed.',
  },
  {
    id: 'na-meo',
    province: 'VN-21',
    name: 'Na Mèo',
    type: 'international',
    other_side: 'Nam Soi (Houaphanh)',
    country: 'LA',
    road: 'QL217',
    at: [104.55, 20.35],
    acc: 10000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'nam-can',
    province: 'VN-22',
    name: 'Nậm Cắn',
    type: 'international',
    other_side: 'Nam Khan (Xiangkhouang)',
    country: 'LA',
    road: 'QL7',
    at: [103.97, 19.42],
    acc: 5000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'thong-thu',
    province: 'VN-22',
    name: 'Thông Thụ',
    type: 'main',
    other_side: 'Lào – chưa xác nhận / Laos – unconfirmed',
    country: 'LA',
    road: 'QL48',
    at: [104.77, 19.87],
    acc: 10000,
    note_vi: 'Vị trí ±10 km theo tên xã Thông Thụ (Quế Phong); loại cửa khẩu và tên phía Lào chưa xác nhận.',
    note_en: 'Position ±10 km from Thông Thụ commune (Quế Phong); gate type and the Lao side name unconfirmed.',
  },
  {
    id: 'thanh-thuy',
    province: 'VN-22',
    name: 'Thanh Thủy',
    type: 'main',
    other_side: 'Nậm On (Bolikhamxay)',
    country: 'LA',
    road: 'QL46',
    at: [105.0, 18.7],
    acc: 10000,
    note_vi: 'Đã có kế hoạch nâng cấp thành cửa khẩu quốc tế.',
    note_en: 'Upgrade to an international gate planned.',
  },
  {
    id: 'cau-treo',
    province: 'VN-23',
    name: 'Cầu Treo',
    type: 'international',
    other_side: 'Nam Phao (Bolikhamxay)',
    country: 'LA',
    road: 'QL8',
    at: [105.13, 18.38],
    acc: 2000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'cha-lo',
    province: 'VN-24',
    name: 'Cha Lo',
    type: 'international',
    other_side: 'Na Phao (Khammouane)',
    country: 'LA',
    road: 'QL12A',
    at: [105.75, 17.67],
    acc: 5000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'lao-bao',
    province: 'VN-25',
    name: 'Lao Bảo',
    type: 'international',
    other_side: 'Densavanh (Savannakhet)',
    country: 'LA',
    road: 'QL9',
    at: [106.59, 16.62],
    acc: 1000,
    note_vi: 'Cửa khẩu của Hành lang kinh tế Đông–Tây (GMS).',
    note_en: 'Gate of the GMS East–West Economic Corridor.',
  },
  {
    id: 'la-lay',
    province: 'VN-25',
    name: 'La Lay',
    type: 'international',
    other_side: 'La Lay (Salavan)',
    country: 'LA',
    road: 'QL15D',
    at: [106.93, 16.35],
    acc: 10000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'hong-van',
    province: 'VN-26',
    name: 'Hồng Vân',
    type: 'national',
    other_side: 'Kutai (Salavan)',
    country: 'LA',
    road: null,
    at: [107.08, 16.35],
    acc: 10000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'a-dot',
    province: 'VN-26',
    name: 'A Đớt',
    type: 'national',
    other_side: 'Tà Vàng (Salavan)',
    country: 'LA',
    road: 'QL49',
    at: [107.28, 16.1],
    acc: 10000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'nam-giang',
    province: 'VN-27',
    name: 'Nam Giang',
    type: 'international',
    other_side: 'Dak Ta Ook (Sekong)',
    country: 'LA',
    road: 'QL14D',
    at: [107.43, 15.62],
    acc: 10000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'bo-y',
    province: 'VN-28',
    name: 'Bờ Y',
    type: 'international',
    other_side: 'Phou Keua (Attapeu)',
    country: 'LA',
    road: 'QL40',
    at: [107.56, 14.73],
    acc: 3000,
    note_vi: null,
    note_en: null,
  },
  {
    id: 'le-thanh',
    province: 'VN-30',
    name: 'Lệ Thanh',
    type: 'international',
    other_side: 'O Yadav',
    country: 'KH',
    road: 'QL19',
    at: [107.55, 13.76],
    acc: 10000,
    note_vi: 'Cửa khẩu với Campuchia, thuộc Gia Lai (ngoài vùng năm 2022).',
    note_en: 'Gate with Cambodia, in Gia Lai (outside the 2022 region).',
  },
];

/** Island special zones (đặc khu) from 1 July 2025. */
export const ISLANDS: { id: string; name: string; at: LonLat; acc: number; note_vi: string | null; note_en: string | null }[] = [
  {
    id: 'dac-khu-hoang-sa',
    name: 'Hoàng Sa',
    at: [112.0, 16.5],
    acc: 50000,
    note_vi: 'Tâm quần đảo (±50 km).',
    note_en: 'Centroid of the archipelago (±50 km).',
  },
  {
    id: 'dac-khu-truong-sa',
    name: 'Trường Sa',
    at: [114.0, 10.0],
    acc: 50000,
    note_vi: 'Tâm quần đảo; đảo Trường Sa Lớn ở 111,92; 8,64.',
    note_en: 'Centroid of the archipelago; Truong Sa Lon island at 111.92, 8.64.',
  },
  { id: 'dac-khu-ly-son', name: 'Lý Sơn', at: [109.12, 15.38], acc: 2000, note_vi: null, note_en: null },
  { id: 'dac-khu-con-co', name: 'Cồn Cỏ', at: [107.34, 17.16], acc: 2000, note_vi: null, note_en: null },
  { id: 'dac-khu-phu-quy', name: 'Phú Quý', at: [108.93, 10.52], acc: 2000, note_vi: null, note_en: null },
];

/** Baseline points of the territorial sea off the region (statement of 12 Nov 1982). A12–A15 are left out: their coordinates are not at hand. */
export const BASELINE_POINTS: { id: string; code: string; name: string; at: LonLat }[] = [
  { id: 'a6', code: 'A6', name: 'Hòn Hải (nhóm đảo Phú Quý)', at: [109.0833, 9.9667] },
  { id: 'a7', code: 'A7', name: 'Hòn Đôi', at: [109.4667, 12.65] },
  { id: 'a8', code: 'A8', name: 'Mũi Đại Lãnh', at: [109.4533, 12.8967] },
  { id: 'a9', code: 'A9', name: 'Hòn Ông Căn', at: [109.35, 13.9] },
  { id: 'a10', code: 'A10', name: 'Lý Sơn', at: [109.15, 15.385] },
  { id: 'a11', code: 'A11', name: 'Cồn Cỏ', at: [107.3433, 17.1667] },
];

/** Military regions as groups of whole 2022 provinces (ISO codes of the bundled set). */
export const MILITARY_REGIONS: { id: string; name_vi: string; name_en: string; members: string[]; note_vi: string; note_en: string }[] = [
  {
    id: 'qk4',
    name_vi: 'Quân khu 4',
    name_en: 'Military Region 4',
    members: ['VN-21', 'VN-22', 'VN-23', 'VN-24', 'VN-25', 'VN-26'],
    note_vi: 'Nhóm tỉnh năm 2022; chưa xác nhận phân định sau sáp nhập 2025.',
    note_en: 'The 2022 grouping; the assignment of the 2025 merged units is unconfirmed.',
  },
  {
    id: 'qk5',
    name_vi: 'Quân khu 5',
    name_en: 'Military Region 5',
    members: ['VN-DN', 'VN-27', 'VN-29', 'VN-31', 'VN-32', 'VN-34', 'VN-36', 'VN-28', 'VN-30', 'VN-33', 'VN-72'],
    note_vi: 'Nhóm tỉnh năm 2022 (gồm Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông ngoài vùng); chưa xác nhận phân định sau 2025.',
    note_en: 'The 2022 grouping (with Kon Tum, Gia Lai, Dak Lak, Dak Nong outside the region); the 2025 assignment is unconfirmed.',
  },
  {
    id: 'qk7',
    name_vi: 'Quân khu 7 (phần Bình Thuận)',
    name_en: 'Military Region 7 (Binh Thuan part)',
    members: ['VN-40'],
    note_vi: 'Chỉ vẽ Bình Thuận; phần còn lại của Quân khu 7 nằm ngoài bộ dữ liệu.',
    note_en: 'Only Binh Thuan is drawn; the rest of Military Region 7 lies outside the bundled data.',
  },
];
