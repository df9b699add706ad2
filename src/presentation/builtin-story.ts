/**
 * The built-in story on Resolution 26-NQ/TW: ten scenes from the region's place in the
 * country to its 2030 and 2045 targets. Every figure carries its source key (see
 * data/SOURCES.md); figures computed by the app say so. Each scene's subject is the area it
 * talks about, from the bundled data (data/geojson): the region with Hoàng Sa and Trường Sa
 * (REGION_BOUNDS); the North–South corridors; the border gates to Laos with the seaports north
 * of 13.6°N; the seaports and coastal economic zones; the capitals the gravity arcs join; the
 * mainland's accessibility grid; the four East–West expressways of 2030 and the coast they
 * reach; the islands, baseline points and the two archipelagos. A unit test checks each
 * holds what it names.
 */
import { DEFAULT_PARAMS } from '../core/analysis.ts';
import { STATUSES } from '../core/layers.ts';
import { REGION_BOUNDS } from '../core/region.ts';
import type { Scene, Story } from '../core/story.ts';

const { edition: _e, horizon: _h, ...analysisDefaults } = DEFAULT_PARAMS;
const base: Omit<Scene, 'id' | 'camera' | 'caption' | 'notes'> = {
  edition: '2022',
  layers: [],
  horizon: '2045',
  statuses: [...STATUSES],
  analysis: null,
  selected: null,
  figures: [],
};

const STORY: Story = {
  title: {
    vi: 'Liên kết vùng Bắc Trung Bộ và duyên hải Trung Bộ (NQ 26-NQ/TW)',
    en: 'Linking the North Central and Central Coast region (Resolution 26)',
  },
  scenes: [
    {
      ...base,
      id: 'region',
      subject: REGION_BOUNDS,
      camera: { center: [104.6, 15.2], zoom: 5.0, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Vùng Bắc Trung Bộ và duyên hải Trung Bộ: 14 tỉnh, thành phố ven biển',
        en: 'The North Central and Central Coast region: 14 coastal provinces and cities',
      },
      notes: {
        vi: 'Từ Thanh Hóa đến Bình Thuận. Khoảng 28,9 % diện tích cả nước, 20,77 triệu dân (2023), khoảng 1.800 km bờ biển. NQ 26-NQ/TW ngày 3/11/2022 thay NQ 39.',
        en: 'From Thanh Hóa to Bình Thuận. About 28.9 % of the country’s area, 20.77 million people (2023), about 1,800 km of coast. Resolution 26 of 3 Nov 2022 replaced Resolution 39.',
      },
      figures: [
        { label: { vi: 'Diện tích', en: 'Area' }, value: { vi: '95.847,9 km²', en: '95,847.9 km²' }, source: 'GSO23' },
        { label: { vi: 'Dân số 2023', en: 'Population 2023' }, value: { vi: '20,77 triệu', en: '20.77 million' }, source: 'GSO23' },
        { label: { vi: 'Bờ biển', en: 'Coastline' }, value: { vi: '≈ 1.800 km', en: '≈ 1,800 km' }, source: 'NQ26' },
      ],
    },
    {
      ...base,
      id: 'editions',
      subject: REGION_BOUNDS,
      edition: '2025',
      camera: { center: [104.9, 15.2], zoom: 5.6, pitch: 0, bearing: 0 },
      caption: {
        vi: '14 tỉnh năm 2022 nay nằm trong 11 đơn vị sau sắp xếp năm 2025',
        en: 'The 14 provinces of 2022 now lie within 11 units after the 2025 reorganisation',
      },
      notes: {
        vi: 'NQ 202/2025/QH15: 63 → 34 đơn vị cấp tỉnh từ 1/7/2025. Bốn đơn vị (Quảng Ngãi, Gia Lai, Đắk Lắk, Lâm Đồng) gồm cả các tỉnh Tây Nguyên. Huế là thành phố trực thuộc trung ương từ 1/1/2025 (NQ 175).',
        en: 'Resolution 202/2025/QH15: 63 → 34 provincial units from 1 Jul 2025. Four units (Quảng Ngãi, Gia Lai, Đắk Lắk, Lâm Đồng) also hold Central Highlands provinces. Huế became a centrally-run city on 1 Jan 2025 (Resolution 175).',
      },
      figures: [
        { label: { vi: 'Đơn vị 2022', en: 'Units 2022' }, value: { vi: '14', en: '14' }, source: 'NQ26' },
        { label: { vi: 'Đơn vị 2025', en: 'Units 2025' }, value: { vi: '11', en: '11' }, source: 'NQ202' },
      ],
    },
    {
      ...base,
      id: 'north-south',
      subject: [105.1, 10.5, 109.5, 20.4],
      layers: ['corridors'],
      camera: { center: [104.7, 15.3], zoom: 5.5, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Trục Bắc – Nam: Quốc lộ 1, cao tốc phía Đông, đường Hồ Chí Minh, đường sắt tốc độ cao',
        en: 'The North–South axis: National Road 1, the eastern expressway, the Hồ Chí Minh road, high-speed rail',
      },
      notes: {
        vi: 'Mục tiêu khoảng 1.554 km cao tốc đến 2030 và hoàn thành cao tốc Bắc – Nam phía Đông. Đường sắt tốc độ cao khoảng 1.541 km, 350 km/h, đang ở giai đoạn quy hoạch (NQ 172/2024/QH15).',
        en: 'Target: about 1,554 km of expressway by 2030 and the eastern North–South expressway completed. High-speed railway about 1,541 km, 350 km/h, still planned (Resolution 172/2024/QH15).',
      },
      figures: [
        { label: { vi: 'Cao tốc đến 2030', en: 'Expressway by 2030' }, value: { vi: '≈ 1.554 km', en: '≈ 1,554 km' }, source: 'NQ26' },
        {
          label: { vi: 'Đường sắt tốc độ cao', en: 'High-speed rail' },
          value: { vi: '≈ 1.541 km', en: '≈ 1,541 km' },
          source: 'NQ172/2024/QH15',
        },
      ],
    },
    {
      ...base,
      id: 'east-west',
      subject: [103.9, 13.6, 109.4, 20.5],
      layers: ['corridors', 'border-gates'],
      camera: { center: [105.3, 17.0], zoom: 6.4, pitch: 35, bearing: -12 },
      caption: {
        vi: 'Hành lang Đông – Tây nối cảng biển với các cửa khẩu sang Lào',
        en: 'East–West corridors link the seaports with the border gates to Laos',
      },
      notes: {
        vi: 'QL9 là Hành lang kinh tế Đông – Tây GMS (Đà Nẵng – Lao Bảo – Savannakhet). Nhiệm vụ: cao tốc Cam Lộ – Lao Bảo, Vinh – Thanh Thủy, Đà Nẵng – Bờ Y; nối cửa khẩu với cảng biển bằng các tuyến ngang.',
        en: 'QL9 is the GMS East–West Economic Corridor (Đà Nẵng – Lao Bảo – Savannakhet). Tasks: Cam Lộ – Lao Bảo, Vinh – Thanh Thủy and Đà Nẵng – Bờ Y expressways; link gates and ports by transverse routes.',
      },
      figures: [{ label: { vi: 'Cửa khẩu trên bản đồ', en: 'Border gates on the map' }, value: { vi: '12', en: '12' }, source: 'QD376' }],
    },
    {
      ...base,
      id: 'ports-zones',
      subject: [105.6, 10.4, 109.6, 19.5],
      layers: ['seaports', 'economic-zones'],
      camera: { center: [106.2, 14.3], zoom: 5.9, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Cảng biển và khu kinh tế ven biển: cửa ngõ ra biển của vùng',
        en: 'Seaports and coastal economic zones: the region’s gateways to the sea',
      },
      notes: {
        vi: 'Quy hoạch cảng biển (QĐ 1579/QĐ-TTg), phân loại theo QĐ 804/QĐ-TTg. Vị trí bến cảng gần đúng ±2–5 km; khu kinh tế vẽ dạng sơ đồ theo diện tích.',
        en: 'Seaport master plan (Decision 1579), classes from Decision 804. Terminal positions are approximate (±2–5 km); economic zones are drawn as schematic circles by area.',
      },
      figures: [
        { label: { vi: 'Bến cảng', en: 'Port terminals' }, value: { vi: '25', en: '25' }, source: 'QD1579' },
        { label: { vi: 'Khu kinh tế ven biển', en: 'Coastal economic zones' }, value: { vi: '11', en: '11' }, source: 'QD376' },
      ],
    },
    {
      ...base,
      id: 'gravity',
      subject: [105.5, 10.7, 109.5, 20.0],
      analysis: { ...analysisDefaults, kind: 'gravity' },
      // The strongest flows as a chart beside the caption.
      chart: true,
      camera: { center: [105.0, 15.0], zoom: 5.7, pitch: 40, bearing: -8 },
      caption: {
        vi: 'Lực hút liên kết giữa các tỉnh: mạnh nhất ở các cặp gần nhau, đông dân',
        en: 'Linkage between provinces: strongest between close, populous pairs',
      },
      notes: {
        vi: 'Mô hình trọng lực I = Pi·Pj / d², dân số 2023 (TCTK), khoảng cách đường chim bay giữa tỉnh lỵ. Cặp Nghệ An – Hà Tĩnh chiếm khoảng 35 % tổng lực hút.',
        en: 'Gravity model I = Pi·Pj / d², 2023 population (GSO), great-circle distance between capitals. Nghệ An – Hà Tĩnh carries about 35 % of the total.',
      },
      figures: [
        { label: { vi: 'Nghệ An – Hà Tĩnh', en: 'Nghệ An – Hà Tĩnh' }, value: { vi: '≈ 35 %', en: '≈ 35 %' }, source: 'GSO23; ntcc-atlas' },
      ],
    },
    {
      ...base,
      id: 'access',
      subject: [103.8, 10.4, 109.6, 20.7],
      analysis: { ...analysisDefaults, kind: 'access', cellKm: 5 },
      camera: { center: [104.8, 15.4], zoom: 5.7, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Khả năng tiếp cận cảng biển: vùng núi phía Tây còn xa cửa ngõ',
        en: 'Access to seaports: the western uplands are still far from the gateways',
      },
      notes: {
        vi: 'Lưới lục giác cạnh 5 km; màu theo khoảng cách đường chim bay tới bến cảng gần nhất. Các tuyến Đông – Tây rút ngắn khoảng cách thực tế.',
        en: 'Hexagons of 5 km side, coloured by straight-line distance to the nearest port terminal. The East–West routes shorten real travel.',
      },
      figures: [],
    },
    {
      ...base,
      id: 'network-2030',
      subject: [104.9, 12.4, 109.4, 18.9],
      horizon: '2030',
      analysis: { ...analysisDefaults, kind: 'access', cellKm: 5, metric: 'minutes' },
      compare: { with: 'horizon', horizon: 'today', view: 'difference' },
      camera: { center: [105.9, 16.9], zoom: 6.2, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Mạng lưới 2030: cao tốc Bắc – Nam hoàn thành và các cao tốc Đông – Tây rút ngắn đường ra cảng biển',
        en: 'The 2030 network: the completed North–South expressway and the East–West expressways shorten the way to the seaports',
      },
      notes: {
        vi: 'Số phút tới bến cảng gần nhất, mốc 2030 so với hiện nay (xanh: gần hơn), trên mạng lưới vẽ theo tuyến thực tế: các đoạn cao tốc Bắc – Nam còn lại (Quảng Ngãi – Vân Phong), bốn cao tốc Đông – Tây dự kiến đến 2030 (QĐ 376), đường bộ ven biển hoàn thành (NQ 26; hôm nay chưa liền mạch nên chưa tính) và các bến cảng theo quy hoạch. Tốc độ theo giới hạn của TT 38/2024, hiệu chỉnh theo thời gian chạy xe đã công bố, phần còn lại là giả định. Quảng Nam lợi trung bình khoảng 13,1 phút, Quảng Trị 13,0, Nghệ An 8,2; cả vùng 5,5 phút (trọng số dân số 2023). Số liệu đã tính lại trên mạng lưới theo tuyến thực tế, mỗi tuyến có chiều dài công bố được tính theo chiều dài đó (QL1 theo từng đoạn giữa các cột km) và đường ven biển chỉ tính từ 2030; trên mạng lưới sơ đồ trước đây (dây cung giữa các tỉnh lỵ, cả cao tốc tính là đã thông), Quảng Nam lợi 15,6 phút và cả vùng 4,3 phút.',
        en: 'Minutes to the nearest port terminal, 2030 against today (blue: nearer), on the network drawn on its real alignments: the remaining North–South expressway sections (Quảng Ngãi – Vân Phong), the four East–West expressways planned by 2030 (Decision 376), the completed coastal road (Resolution 26; not a through road today, so not counted today) and the planned terminals. Speeds from the limits of Circular 38/2024, calibrated against published trip times, the rest assumed. Quảng Nam gains about 13.1 minutes on average, Quảng Trị 13.0, Nghệ An 8.2; the region 5.5 minutes (weighted by 2023 population). Recomputed on the network as on the ground, each line with a published length counted at it (QL1 stretch by stretch between its km posts) and the coastal road counted from 2030 only; on the earlier schematic network (chords between capitals, the whole expressway counted as open), Quảng Nam gained 15.6 minutes and the region 4.3.',
      },
      figures: [
        {
          label: { vi: 'Quảng Nam: lợi trung bình', en: 'Quảng Nam: mean gain' },
          value: { vi: '≈ 13,1 phút', en: '≈ 13.1 min' },
          source: 'QD376; TT38; ntcc-atlas (calibrated and assumed speeds)',
        },
        {
          label: { vi: 'Cả vùng (trọng số dân số)', en: 'Region (population-weighted)' },
          value: { vi: '≈ 5,5 phút', en: '≈ 5.5 min' },
          source: 'GSO23; ntcc-atlas (calibrated and assumed speeds)',
        },
      ],
    },
    {
      ...base,
      id: 'sea-islands',
      subject: [107.3, 8.3, 116.2, 17.2],
      layers: ['islands', 'baseline-points', 'military-regions'],
      camera: { center: [109.6, 13.2], zoom: 5.0, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Biển, đảo và quốc phòng – an ninh: Hoàng Sa (Đà Nẵng), Trường Sa (Khánh Hòa)',
        en: 'Sea, islands, defence and security: Hoàng Sa (Đà Nẵng), Trường Sa (Khánh Hòa)',
      },
      notes: {
        vi: 'Chỉ thông tin hành chính công khai: quân khu theo nhóm tỉnh, đặc khu hải đảo, điểm cơ sở (Tuyên bố ngày 12/11/1982). Không có vị trí quân sự nào trên bản đồ.',
        en: 'Public administrative facts only: military regions as groups of provinces, island special zones, baseline points (statement of 12 Nov 1982). No military site is on the map.',
      },
      figures: [],
    },
    {
      ...base,
      id: 'targets',
      subject: REGION_BOUNDS,
      camera: { center: [104.8, 15.4], zoom: 5.5, pitch: 0, bearing: 0 },
      caption: {
        vi: 'Mục tiêu 2030 và tầm nhìn 2045: vùng phát triển nhanh, bền vững, mạnh về kinh tế biển',
        en: '2030 targets and the 2045 vision: a fast, sustainable region strong in the marine economy',
      },
      notes: {
        vi: '2030: GRDP tăng khoảng 7–7,5 %/năm (QĐ 376: 7,5–8 %); GRDP bình quân khoảng 156 triệu đồng/người; kinh tế số khoảng 30 % GRDP; đô thị hóa 47–48 %. 2045: chủ quyền biển, đảo được bảo đảm vững chắc.',
        en: '2030: GRDP growth about 7–7.5 %/yr (Decision 376: 7.5–8 %); GRDP per capita about 156 m VND; digital economy about 30 % of GRDP; urbanisation 47–48 %. 2045: sea and island sovereignty firmly ensured.',
      },
      figures: [
        { label: { vi: 'Tăng trưởng GRDP', en: 'GRDP growth' }, value: { vi: '7–7,5 %/năm', en: '7–7.5 %/yr' }, source: 'NQ26' },
        {
          label: { vi: 'GRDP/người 2030', en: 'GRDP per capita 2030' },
          value: { vi: '≈ 156 triệu đồng', en: '≈ 156 m VND' },
          source: 'NQ26',
        },
        { label: { vi: 'Kinh tế số', en: 'Digital economy' }, value: { vi: '≈ 30 % GRDP', en: '≈ 30 % of GRDP' }, source: 'NQ26' },
        { label: { vi: 'Đô thị hóa', en: 'Urbanisation' }, value: { vi: '47–48 %', en: '47–48 %' }, source: 'NQ26' },
      ],
    },
  ],
};

/** The screen the scenes were composed on: other screens zoom to show the same area (sceneZoom). */
const COMPOSED_ON = { width: 1920, height: 1080 };

export const BUILTIN_STORY: Story = {
  ...STORY,
  scenes: STORY.scenes.map((sc) => ({ ...sc, camera: { ...sc.camera, viewport: COMPOSED_ON } })),
};
