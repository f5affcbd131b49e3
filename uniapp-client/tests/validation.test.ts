import { describe, expect, it } from 'vitest';
import { checkForm } from '@/utils/form';
import waterEnterprise from '../../src/workflows/definitions/water-enterprise.json';
import waterResident from '../../src/workflows/definitions/water-resident.json';

const enterprise = {
  unitName: '珠江摩尔商业管理有限公司',
  creditCode: '91510107590201629B',
  contactName: '刘经理',
  contactPhone: '13912345678',
  unitAddress: '江北大道1号',
  waterAddress: '江北大道1号B区',
  connectionType: '基建(施工)用水',
  buildingArea: '222.5',
};

describe('the application form, checked as the server checks it', () => {
  it('a correct enterprise application passes, with numbers and codes normalized', () => {
    const res = checkForm(waterEnterprise.form as any, {
      ...enterprise,
      creditCode: '91510107590201629b',
      contactPhone: '+86 139 1234 5678',
    });
    expect(res.ok).toBe(true);
    expect(res.value).toMatchObject({
      creditCode: '91510107590201629B',
      contactPhone: '13912345678',
      buildingArea: 222.5,
    });
  });

  it('names each wrong field with the reason', () => {
    const res = checkForm(waterEnterprise.form as any, {
      ...enterprise,
      creditCode: '91510107590201629A',
      contactPhone: '1391234',
      buildingArea: '-3',
      unitName: '',
    });
    expect(res.ok).toBe(false);
    expect(Object.keys(res.fields).sort()).toEqual(['buildingArea', 'contactPhone', 'creditCode', 'unitName']);
    expect(res.fields.unitName).toBe('单位名称为必填项');
    expect(res.fields.creditCode).toMatch(/^统一社会信用代码/);
    expect(res.fields.contactPhone).toMatch(/^联系电话/);
    expect(res.fields.buildingArea).toMatch(/^建筑面积/);
  });

  it('checks a resident\u2019s ID number, and leaves an empty optional field out', () => {
    const base = { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' };
    expect(checkForm(waterResident.form as any, { ...base, idNumber: '' })).toMatchObject({ ok: true, value: base });
    const bad = checkForm(waterResident.form as any, { ...base, idNumber: '110101199003071234' });
    expect(bad.fields.idNumber).toMatch(/^身份证号/);
    expect(checkForm(waterResident.form as any, { ...base, idNumber: '11010519491231002x' }).value.idNumber).toBe(
      '11010519491231002X',
    );
  });
});
