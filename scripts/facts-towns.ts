/**
 * The cities and towns (thành phố, thị xã) of the region's 2022 provinces, and Đà Nẵng's urban
 * districts, with their published population and area: without a population grid, the analyses
 * put each town's persons on the cells within a disc of its area around its centre and spread the
 * rest of the province's figure evenly (src/analysis/population.ts). Each figure's page is in the
 * towns table of data/SOURCES.md (key TOWNS), with the year it is for: the 2019 census where one
 * was found, another year where not (said there). Left out, for want of a published figure: Kỳ
 * Anh (Hà Tĩnh); Hương Thủy (Thừa Thiên Huế), whose only figure is for its boundary before 2021
 * and would count people Huế's figure counts again.
 */
import type { TownProps } from '../src/core/types.ts';
import { PLACES } from './facts-network.ts';

/** A centre from the project's own list of places (placed by hand there, with its accuracy). */
function placeAt(name: keyof typeof PLACES): { lon: number; lat: number } {
  const p = PLACES[name];
  return { lon: p[0], lat: p[1] };
}

function town(
  id: string,
  name_vi: string,
  name_en: string,
  kind: TownProps['kind'],
  at: { lon: number; lat: number },
  population: number,
  population_year: number | null,
  area_km2: number,
  source: string,
  accuracy_m: number,
): TownProps {
  return { id, name_vi, name_en, kind, lon: at.lon, lat: at.lat, population, population_year, area_km2, source, accuracy_m };
}

/** By ISO code of the 2022 province. */
export const TOWNS: Readonly<Record<string, readonly TownProps[]>> = {
  'VN-21': [
    town('town-thanh-hoa', 'Thanh Hóa', 'Thanh Hoa', 'city', { lon: 105.7667, lat: 19.8 }, 435298, 2015, 146.77, 'TOWNS; GEONAMES', 2000),
    town('town-sam-son', 'Sầm Sơn', 'Sam Son', 'city', { lon: 105.9008, lat: 19.7531 }, 108320, 2019, 44.94, 'TOWNS', 1000),
    town('town-bim-son', 'Bỉm Sơn', 'Bim Son', 'town', { lon: 105.8603, lat: 20.0781 }, 53442, 2019, 63.86, 'TOWNS; GEONAMES', 2000),
    town('town-nghi-son', 'Nghi Sơn', 'Nghi Son', 'town', { lon: 105.7272, lat: 19.4536 }, 307304, 2019, 455.61, 'TOWNS', 2000),
  ],
  'VN-22': [
    town('town-vinh', 'Vinh', 'Vinh', 'city', { lon: 105.6923, lat: 18.6734 }, 339114, 2019, 104.96, 'TOWNS; GEONAMES', 2000),
    town('town-cua-lo', 'Cửa Lò', 'Cua Lo', 'town', { lon: 105.7, lat: 18.8167 }, 55668, 2019, 27.81, 'TOWNS', 2000),
    town('town-hoang-mai', 'Hoàng Mai', 'Hoang Mai', 'town', { ...placeAt('Hoàng Mai') }, 113360, 2019, 169.75, 'TOWNS; HAND', 3000),
    town('town-thai-hoa', 'Thái Hòa', 'Thai Hoa', 'town', { ...placeAt('Thái Hòa') }, 66127, 2019, 135.14, 'TOWNS; HAND', 3000),
  ],
  'VN-23': [
    town('town-ha-tinh', 'Hà Tĩnh', 'Ha Tinh', 'city', { lon: 105.9057, lat: 18.3428 }, 104037, 2019, 56.55, 'TOWNS; GEONAMES', 2000),
    town('town-hong-linh', 'Hồng Lĩnh', 'Hong Linh', 'town', { lon: 105.7019, lat: 18.5342 }, 36940, 2019, 58.95, 'TOWNS', 1000),
  ],
  'VN-24': [
    town('town-dong-hoi', 'Đồng Hới', 'Dong Hoi', 'city', { lon: 106.5875, lat: 17.4481 }, 133672, 2019, 155.87, 'TOWNS', 1000),
    town('town-ba-don', 'Ba Đồn', 'Ba Don', 'town', { lon: 106.4236, lat: 17.7535 }, 106413, 2019, 162.3, 'TOWNS; GEONAMES', 2000),
  ],
  'VN-25': [
    town('town-dong-ha', 'Đông Hà', 'Dong Ha', 'city', { lon: 107.1003, lat: 16.8163 }, 95658, 2019, 73, 'TOWNS; GEONAMES', 2000),
    town('town-quang-tri', 'Quảng Trị', 'Quang Tri', 'town', { lon: 107.1828, lat: 16.7508 }, 23356, 2019, 74, 'TOWNS', 1000),
  ],
  'VN-26': [
    town('town-hue', 'Huế', 'Hue', 'city', { lon: 107.5955, lat: 16.4619 }, 652572, 2021, 265.99, 'TOWNS; GEONAMES', 2000),
    town('town-huong-tra', 'Hương Trà', 'Huong Tra', 'town', { lon: 107.4755, lat: 16.5254 }, 72677, 2021, 392.32, 'TOWNS; GEONAMES', 3000),
  ],
  'VN-DN': [
    town('town-hai-chau', 'Hải Châu', 'Hai Chau', 'urban-district', { lon: 108.2208, lat: 16.0678 }, 201522, 2019, 23, 'TOWNS', 2000),
    town(
      'town-thanh-khe',
      'Thanh Khê',
      'Thanh Khe',
      'urban-district',
      { lon: 108.191, lat: 16.0706 },
      185064,
      2019,
      9.5,
      'TOWNS; GEONAMES',
      2000,
    ),
    town(
      'town-son-tra',
      'Sơn Trà',
      'Son Tra',
      'urban-district',
      { lon: 108.2326, lat: 16.0607 },
      157415,
      2019,
      60,
      'TOWNS; GEONAMES',
      2000,
    ),
    town(
      'town-ngu-hanh-son',
      'Ngũ Hành Sơn',
      'Ngu Hanh Son',
      'urban-district',
      { lon: 108.2534, lat: 16.0162 },
      90352,
      2019,
      37,
      'TOWNS; GEONAMES',
      2000,
    ),
    town(
      'town-lien-chieu',
      'Liên Chiểu',
      'Lien Chieu',
      'urban-district',
      { lon: 108.1582, lat: 16.0727 },
      194913,
      2019,
      75,
      'TOWNS; GEONAMES',
      2000,
    ),
    town('town-cam-le', 'Cẩm Lệ', 'Cam Le', 'urban-district', { lon: 108.2038, lat: 16.0177 }, 159295, 2019, 36, 'TOWNS; GEONAMES', 2000),
  ],
  'VN-27': [
    town('town-tam-ky', 'Tam Kỳ', 'Tam Ky', 'city', { lon: 108.474, lat: 15.5736 }, 122374, 2019, 100.26, 'TOWNS; GEONAMES', 2000),
    town('town-hoi-an', 'Hội An', 'Hoi An', 'city', { lon: 108.335, lat: 15.8794 }, 98599, 2019, 61.48, 'TOWNS; GEONAMES', 2000),
    town('town-dien-ban', 'Điện Bàn', 'Dien Ban', 'town', { lon: 108.1669, lat: 15.8917 }, 226564, 2019, 214.28, 'TOWNS', 2000),
  ],
  'VN-29': [
    town(
      'town-quang-ngai',
      'Quảng Ngãi',
      'Quang Ngai',
      'city',
      { lon: 108.7923, lat: 15.1205 },
      278496,
      null,
      160.15,
      'TOWNS; GEONAMES',
      2000,
    ),
    town('town-duc-pho', 'Đức Phổ', 'Duc Pho', 'town', { lon: 108.9593, lat: 14.8136 }, 150927, 2019, 372.76, 'TOWNS; GEONAMES', 2000),
  ],
  'VN-31': [
    town('town-quy-nhon', 'Quy Nhơn', 'Quy Nhon', 'city', { lon: 109.2237, lat: 13.7765 }, 292991, 2022, 286, 'TOWNS; GEONAMES', 2000),
    town('town-an-nhon', 'An Nhơn', 'An Nhon', 'town', { lon: 109.1082, lat: 13.8858 }, 175709, 2019, 242.7, 'TOWNS; GEONAMES', 2000),
    town('town-hoai-nhon', 'Hoài Nhơn', 'Hoai Nhon', 'town', { lon: 109.0138, lat: 14.4256 }, 212063, 2019, 420.84, 'TOWNS', 2000),
  ],
  'VN-32': [
    town('town-tuy-hoa', 'Tuy Hòa', 'Tuy Hoa', 'city', { lon: 109.3209, lat: 13.0955 }, 155921, 2019, 106.82, 'TOWNS; GEONAMES', 2000),
    town('town-song-cau', 'Sông Cầu', 'Song Cau', 'town', { lon: 109.2235, lat: 13.4556 }, 105780, null, 492.8, 'TOWNS; GEONAMES', 2000),
    town('town-dong-hoa', 'Đông Hòa', 'Dong Hoa', 'town', { lon: 109.3292, lat: 12.9933 }, 119991, 2019, 265.62, 'TOWNS', 2000),
  ],
  'VN-34': [
    town('town-nha-trang', 'Nha Trang', 'Nha Trang', 'city', { lon: 109.1943, lat: 12.2451 }, 422601, 2019, 251, 'TOWNS; GEONAMES', 2000),
    town('town-cam-ranh', 'Cam Ranh', 'Cam Ranh', 'city', { lon: 109.1591, lat: 11.9214 }, 130814, 2019, 316, 'TOWNS; GEONAMES', 2000),
    town('town-ninh-hoa', 'Ninh Hòa', 'Ninh Hoa', 'town', { lon: 109.125, lat: 12.4919 }, 230566, 2019, 1197.5, 'TOWNS; GEONAMES', 2000),
  ],
  'VN-36': [
    town(
      'town-phan-rang-thap-cham',
      'Phan Rang – Tháp Chàm',
      'Phan Rang – Thap Cham',
      'city',
      { lon: 108.9886, lat: 11.5643 },
      167394,
      2019,
      79.19,
      'TOWNS; GEONAMES',
      2000,
    ),
  ],
  'VN-40': [
    town(
      'town-phan-thiet',
      'Phan Thiết',
      'Phan Thiet',
      'city',
      { lon: 108.1021, lat: 10.9289 },
      216327,
      2009,
      206.45,
      'TOWNS; GEONAMES',
      2000,
    ),
    town('town-la-gi', 'La Gi', 'La Gi', 'town', { lon: 107.7721, lat: 10.6599 }, 108519, 2022, 185.37, 'TOWNS; GEONAMES', 2000),
  ],
};
