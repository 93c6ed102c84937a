import { useCallback } from 'react';
import { useLocaleStore } from '../i18n/locale-store.js';

/** Strings of the designer's relation, lookup, rollup and data-linkage editors. */
const en = {
  targetForm: 'Related form',
  chooseForm: 'Choose a form…',
  chooseField: 'Choose a field…',
  multipleRecords: 'Allow several records',
  displayFields: 'Shown fields (default: the title field)',
  lookupRelation: 'Through relation',
  lookupField: 'Field to show',
  rollupSource: 'Records to summarise',
  rollupVia: 'Records of another form pointing here',
  rollupRelation: 'Records of a multiple relation of this form',
  rollupForm: 'Form',
  rollupViaField: 'Its relation to this form',
  rollupRelationField: 'Multiple relation',
  aggregate: 'Summary',
  agg_count: 'Count',
  agg_sum: 'Sum',
  agg_avg: 'Average',
  agg_min: 'Minimum',
  agg_max: 'Maximum',
  rollupField: 'Of field',
  rollupWhere: 'Only records where',
  noRelationHere: 'Add a relation field to this form first.',
  noViaForms: 'No other form has a relation to this form yet.',
  linkage: 'Data linkage (fill from another form)',
  linkageOn: 'Fill this field from a matching record',
  linkageForm: 'Take from form',
  linkageMatch: 'Where its field',
  linkageEquals: 'equals this form’s field',
  linkageAddPair: 'Add a match',
  linkageRemovePair: 'Remove match',
  linkageTake: 'Copy its field',
  linkageTakeRows: 'Copy the lines of its sub-table',
  linkageRowColumn: 'Column “{column}” takes',
} as const;

/** A key of these strings. */
export type RelationDesignerKey = keyof typeof en;

const zhCN: Record<RelationDesignerKey, string> = {
  targetForm: '关联表单',
  chooseForm: '请选择表单…',
  chooseField: '请选择字段…',
  multipleRecords: '允许选择多条记录',
  displayFields: '显示字段（默认为标题字段）',
  lookupRelation: '通过关联字段',
  lookupField: '显示的字段',
  rollupSource: '汇总的记录',
  rollupVia: '其他表单中关联到本表单的记录',
  rollupRelation: '本表单多选关联字段中的记录',
  rollupForm: '表单',
  rollupViaField: '它关联到本表单的字段',
  rollupRelationField: '多选关联字段',
  aggregate: '汇总方式',
  agg_count: '计数',
  agg_sum: '求和',
  agg_avg: '平均值',
  agg_min: '最小值',
  agg_max: '最大值',
  rollupField: '汇总字段',
  rollupWhere: '仅统计满足条件的记录',
  noRelationHere: '请先在本表单添加关联字段。',
  noViaForms: '还没有其他表单关联到本表单。',
  linkage: '数据联动（从其他表单带出）',
  linkageOn: '从匹配的记录带出本字段的值',
  linkageForm: '来源表单',
  linkageMatch: '当它的字段',
  linkageEquals: '等于本表单的字段',
  linkageAddPair: '添加匹配条件',
  linkageRemovePair: '删除匹配条件',
  linkageTake: '带出它的字段',
  linkageTakeRows: '带出它的子表单明细',
  linkageRowColumn: '「{column}」列取自',
};

/** The translate function of these strings for the active locale. */
export function useRelationDesignerT(): (key: RelationDesignerKey) => string {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key) => (locale === 'en' ? en[key] : zhCN[key]), [locale]);
}

/** Both dictionaries, for the test that keeps them in step. */
export const RELATION_DESIGNER_MESSAGES = { en, 'zh-CN': zhCN } as const;
