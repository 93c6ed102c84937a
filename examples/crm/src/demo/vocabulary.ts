/**
 * Word lists for realistic Chinese demo data. Values (`beijing`, `manufacturing`) are the
 * choice values of `app.json`; the tests check every generated record against the forms.
 */

/** Province choice value, its name, its sales region and a few of its cities. */
export interface Province {
  readonly value: string;
  readonly name: string;
  readonly region: string;
  readonly cities: readonly string[];
  /** Relative share of companies (coastal provinces hold more). */
  readonly weight: number;
}

export const PROVINCES: readonly Province[] = [
  { value: 'beijing', name: '北京市', region: 'north', cities: ['北京'], weight: 10 },
  { value: 'tianjin', name: '天津市', region: 'north', cities: ['天津'], weight: 3 },
  { value: 'hebei', name: '河北省', region: 'north', cities: ['石家庄', '唐山', '保定', '廊坊'], weight: 3 },
  { value: 'shanxi', name: '山西省', region: 'north', cities: ['太原', '大同'], weight: 1 },
  { value: 'inner_mongolia', name: '内蒙古自治区', region: 'north', cities: ['呼和浩特', '包头'], weight: 1 },
  { value: 'liaoning', name: '辽宁省', region: 'northeast', cities: ['沈阳', '大连'], weight: 2 },
  { value: 'jilin', name: '吉林省', region: 'northeast', cities: ['长春', '吉林'], weight: 1 },
  { value: 'heilongjiang', name: '黑龙江省', region: 'northeast', cities: ['哈尔滨', '大庆'], weight: 1 },
  { value: 'shanghai', name: '上海市', region: 'east', cities: ['上海'], weight: 10 },
  { value: 'jiangsu', name: '江苏省', region: 'east', cities: ['南京', '苏州', '无锡', '常州', '南通'], weight: 9 },
  { value: 'zhejiang', name: '浙江省', region: 'east', cities: ['杭州', '宁波', '温州', '绍兴', '嘉兴'], weight: 9 },
  { value: 'anhui', name: '安徽省', region: 'east', cities: ['合肥', '芜湖'], weight: 2 },
  { value: 'fujian', name: '福建省', region: 'east', cities: ['福州', '厦门', '泉州'], weight: 4 },
  { value: 'jiangxi', name: '江西省', region: 'central', cities: ['南昌', '赣州'], weight: 1 },
  { value: 'shandong', name: '山东省', region: 'east', cities: ['济南', '青岛', '烟台', '潍坊'], weight: 6 },
  { value: 'henan', name: '河南省', region: 'central', cities: ['郑州', '洛阳'], weight: 3 },
  { value: 'hubei', name: '湖北省', region: 'central', cities: ['武汉', '宜昌', '襄阳'], weight: 3 },
  { value: 'hunan', name: '湖南省', region: 'central', cities: ['长沙', '株洲'], weight: 2 },
  { value: 'guangdong', name: '广东省', region: 'south', cities: ['广州', '深圳', '东莞', '佛山', '珠海'], weight: 12 },
  { value: 'guangxi', name: '广西壮族自治区', region: 'south', cities: ['南宁', '柳州'], weight: 1 },
  { value: 'hainan', name: '海南省', region: 'south', cities: ['海口', '三亚'], weight: 1 },
  { value: 'chongqing', name: '重庆市', region: 'southwest', cities: ['重庆'], weight: 3 },
  { value: 'sichuan', name: '四川省', region: 'southwest', cities: ['成都', '绵阳'], weight: 4 },
  { value: 'guizhou', name: '贵州省', region: 'southwest', cities: ['贵阳'], weight: 1 },
  { value: 'yunnan', name: '云南省', region: 'southwest', cities: ['昆明'], weight: 1 },
  { value: 'shaanxi', name: '陕西省', region: 'northwest', cities: ['西安', '宝鸡'], weight: 2 },
  { value: 'gansu', name: '甘肃省', region: 'northwest', cities: ['兰州'], weight: 1 },
  { value: 'xinjiang', name: '新疆维吾尔自治区', region: 'northwest', cities: ['乌鲁木齐'], weight: 1 },
];

/** Industry choice value, its share, and words that appear in company names of that industry. */
export const INDUSTRIES: readonly { readonly value: string; readonly weight: number; readonly words: readonly (readonly [string, string])[] }[] = [
  { value: 'manufacturing', weight: 8, words: [['精密机械', 'machinery'], ['电气设备', 'electric'], ['汽车零部件', 'autoparts'], ['新材料', 'materials'], ['智能装备', 'equipment']] },
  { value: 'it', weight: 7, words: [['信息技术', 'tech'], ['软件', 'soft'], ['网络科技', 'net'], ['数据科技', 'data'], ['云计算', 'cloud']] },
  { value: 'finance', weight: 2, words: [['融资租赁', 'leasing'], ['投资管理', 'capital'], ['保险代理', 'insurance']] },
  { value: 'retail', weight: 5, words: [['商贸', 'trading'], ['电子商务', 'ecommerce'], ['连锁超市', 'mart'], ['食品', 'foods']] },
  { value: 'healthcare', weight: 3, words: [['医疗器械', 'medical'], ['生物医药', 'bio'], ['健康管理', 'health']] },
  { value: 'education', weight: 2, words: [['教育科技', 'edu'], ['职业培训', 'training']] },
  { value: 'construction', weight: 3, words: [['建设工程', 'construction'], ['置业', 'property'], ['装饰工程', 'decor']] },
  { value: 'logistics', weight: 3, words: [['物流', 'logistics'], ['供应链管理', 'supply'], ['国际货运', 'freight']] },
  { value: 'energy', weight: 2, words: [['新能源', 'energy'], ['化工', 'chem'], ['环保科技', 'eco']] },
  { value: 'public_sector', weight: 1, words: [['城市建设投资', 'urban'], ['水务', 'water']] },
  { value: 'other', weight: 1, words: [['文化传媒', 'media'], ['餐饮管理', 'catering']] },
];

/** Brand words of company names, with a pinyin used for e-mail domains. */
export const BRANDS: readonly (readonly [string, string])[] = [
  ['华盛', 'huasheng'], ['恒信', 'hengxin'], ['瑞丰', 'ruifeng'], ['鼎泰', 'dingtai'], ['宏达', 'hongda'], ['金桥', 'jinqiao'],
  ['博远', 'boyuan'], ['天成', 'tiancheng'], ['中科', 'zhongke'], ['新元', 'xinyuan'], ['德润', 'derun'], ['永安', 'yongan'],
  ['汇通', 'huitong'], ['联创', 'lianchuang'], ['启航', 'qihang'], ['星河', 'xinghe'], ['安泰', 'antai'], ['明峰', 'mingfeng'],
  ['嘉禾', 'jiahe'], ['远景', 'yuanjing'], ['同力', 'tongli'], ['立信', 'lixin'], ['广源', 'guangyuan'], ['海川', 'haichuan'],
  ['正和', 'zhenghe'], ['华泰', 'huatai'], ['兴业', 'xingye'], ['凯达', 'kaida'], ['诚达', 'chengda'], ['君悦', 'junyue'],
  ['云帆', 'yunfan'], ['睿智', 'ruizhi'], ['卓越', 'zhuoyue'], ['精工', 'jinggong'], ['万象', 'wanxiang'], ['长城', 'changcheng'],
];

/** Legal-form suffixes, weighted: most companies are 有限公司. */
export const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 12], ['股份有限公司', 3], ['集团有限公司', 2], ['有限责任公司', 2],
];

/** Surnames with pinyin, roughly by frequency. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
];

/** Given names with pinyin. */
export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['秀英', 'xiuying'], ['海燕', 'haiyan'], ['建华', 'jianhua'], ['志强', 'zhiqiang'], ['晓东', 'xiaodong'], ['子涵', 'zihan'],
  ['浩然', 'haoran'], ['雨桐', 'yutong'], ['思远', 'siyuan'], ['梓萱', 'zixuan'], ['文博', 'wenbo'], ['佳怡', 'jiayi'],
];

/** Mobile number prefixes of the three carriers (11-digit numbers). */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];

/** Job titles of contacts, with the decision role they usually play. */
export const POSITIONS: readonly (readonly [string, string, string])[] = [
  ['总经理', '总经办', 'decision_maker'], ['副总经理', '总经办', 'decision_maker'], ['采购经理', '采购部', 'gatekeeper'],
  ['IT 总监', '信息部', 'influencer'], ['财务总监', '财务部', 'influencer'], ['销售总监', '销售部', 'champion'],
  ['市场经理', '市场部', 'end_user'], ['运营专员', '运营部', 'end_user'], ['客服主管', '客服部', 'end_user'],
  ['行政经理', '行政部', 'gatekeeper'],
];

/** Opportunity subjects. */
export const PROJECT_WORDS: readonly string[] = ['CRM 系统采购', '客户管理平台升级', '销售自动化项目', '服务工单系统', '数字化营销平台', '渠道管理系统', '会员管理项目'];

/** Competitors named in opportunities. */
export const COMPETITORS: readonly string[] = ['纷享销客', '销售易', 'Salesforce', '简道云', '钉钉宜搭', '自研系统'];
