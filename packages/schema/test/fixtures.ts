import type { AppPackage, FieldDef, FieldTypeCatalog, ValueType } from '../src/index.js';

/** A small valid package that uses every property of the definition language at least once. */
export function fullPackage(): AppPackage {
  return {
    schemaVersion: 1,
    app: {
      key: 'crm',
      name: { 'zh-CN': '客户管理', en: 'CRM' },
      description: { 'zh-CN': '客户、联系人与商机', en: 'Customers, contacts and opportunities' },
      icon: 'users',
      color: '#1677ff',
      defaultLocale: 'zh-CN',
      navigation: [
        { kind: 'form', form: 'customer', label: { 'zh-CN': '客户', en: 'Customers' }, icon: 'building' },
        { kind: 'group', label: '销售', icon: 'briefcase', items: [{ kind: 'form', form: 'opportunity' }] },
      ],
    },
    forms: [
      {
        key: 'customer',
        name: { 'zh-CN': '客户', en: 'Customer' },
        description: '企业客户档案',
        icon: 'building',
        titleField: 'name',
        layout: [
          { kind: 'section', title: { 'zh-CN': '基本信息', en: 'Basics' }, columns: 2, fields: ['name'] },
          { kind: 'tabs', tabs: [{ title: { 'zh-CN': '更多', en: 'More' }, sections: [{ kind: 'section', fields: ['tier'] }] }] },
        ],
        printTemplates: [
          {
            key: 'card',
            name: { 'zh-CN': '客户卡片', en: 'Customer card' },
            paper: 'A5',
            orientation: 'landscape',
            header: '客户档案',
            footer: { 'zh-CN': '内部资料', en: 'Internal' },
            blocks: [
              { kind: 'fields', fields: ['name', 'tier'], columns: 2 },
              { kind: 'text', text: '以上信息由客户提供。\n如有变更请及时更新。' },
              { kind: 'subtable', field: 'name' },
              { kind: 'signature', field: 'name', label: '客户签字' },
              { kind: 'approvals' },
            ],
          },
        ],
        fields: [
          {
            id: 'f_name',
            key: 'name',
            type: 'text',
            label: { 'zh-CN': '客户名称', en: 'Customer name' },
            description: '营业执照上的全称',
            placeholder: '例如：华为技术有限公司',
            required: true,
            options: { maxLength: 100 },
          },
          {
            id: 'f_tier',
            key: 'tier',
            type: 'single_select',
            label: { 'zh-CN': '客户等级', en: 'Tier' },
            defaultValue: 'normal',
            defaultFrom: { kind: 'formula', formula: 'IF(LEN(name) > 10, "key", "normal")' },
            visibleWhen: { '!!': [{ var: 'name' }] },
            readOnlyWhen: { '==': [{ var: 'name' }, '华为'] },
            options: { choices: [{ value: 'key', label: { 'zh-CN': '重点', en: 'Key' }, color: '#fa8c16' }, { value: 'normal', label: '普通' }] },
          },
        ],
      },
      {
        key: 'opportunity',
        name: { 'zh-CN': '商机', en: 'Opportunity' },
        fields: [{ id: 'f_title', key: 'title', type: 'text', label: '商机名称' }],
      },
    ],
    flows: [{ key: 'approve_quote', anything: 'goes' }],
    rules: [],
    reports: [],
    roles: [
      {
        key: 'sales_rep',
        name: { 'zh-CN': '销售代表', en: 'Sales rep' },
        description: '只看自己的客户',
        design: false,
        forms: {
          customer: {
            actions: ['view', 'create', 'edit'],
            scope: { '==': [{ var: 'owner_id' }, { var: '$user.id' }] },
            fields: { tier: 'readonly' },
          },
          opportunity: { actions: ['view'] },
        },
      },
    ],
  };
}

/** A tiny field-type catalog for tests: text (maxLength option) and single_select (choices required). */
export const testCatalog: FieldTypeCatalog = {
  has: (type) => type === 'text' || type === 'single_select',
  optionsSchema: (type) =>
    type === 'text'
      ? { type: 'object', properties: { maxLength: { type: 'integer', minimum: 1 } }, additionalProperties: false }
      : {
          type: 'object',
          required: ['choices'],
          properties: {
            choices: {
              type: 'array',
              minItems: 1,
              items: { type: 'object', required: ['value', 'label'], properties: { value: { type: 'string' }, label: {}, color: { type: 'string' } }, additionalProperties: false },
            },
          },
          additionalProperties: false,
        },
  valueType: (): ValueType => 'text',
  checkField: (field: FieldDef) => {
    const choices = (field.options?.['choices'] ?? []) as { value: string }[];
    const seen = new Set<string>();
    const out: { path: string; message: string }[] = [];
    choices.forEach((c, i) => {
      if (seen.has(c.value)) out.push({ path: `/options/choices/${i}/value`, message: `duplicate choice '${c.value}'` });
      seen.add(c.value);
    });
    return out;
  },
};
