import { describe, expect, it } from 'vitest';
import {
  areaProblem,
  creditCodeCheckChar,
  creditCodeProblem,
  idNumberProblem,
  mobileProblem,
  normalizeMobile,
  validateForm,
} from '../src/validation';
import waterEnterprise from '../src/workflows/definitions/water-enterprise.json';
import waterResident from '../src/workflows/definitions/water-resident.json';
import type { FormSchema } from '../src/validation';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91510107590201629B', '91511900MA62Q8K3PB', '91350100M000100Y43', '12100000400000626K'])(
    'accepts %s (the first from a real licence, the others constructed)',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull();
    },
  );

  it('computes the check character of a real code', () => {
    expect(creditCodeCheckChar('91510107590201629')).toBe('B');
  });

  it.each([
    ['91510107590201629A', '校验位错误'],
    ['91510107590201628B', '校验位错误'],
    ['9151010759020162', '应为18位'],
    ['91510107590201629BX', '应为18位'],
    ['9151010759020I629B', '非法字符'],
    ['01510107590201629B', '登记管理部门'],
    ['91ABCDEF590201629B', '行政区划码'],
  ])('rejects %s (%s)', (code, reason) => {
    expect(creditCodeProblem(code)).toContain(reason);
  });
});

describe('mainland mobile numbers', () => {
  it.each(['13912345678', '19812345678', '+8613912345678', '86 139 1234 5678', '139-1234-5678'])('accepts %s', (m) => {
    expect(mobileProblem(m)).toBeNull();
    expect(normalizeMobile(m)).toMatch(/^1[3-9]\d{9}$/);
  });

  it.each(['1391234567', '139123456789', '12912345678', '23912345678', '1391234567a', ''])('rejects %s', (m) => {
    expect(mobileProblem(m)).toContain('11位');
  });
});

describe('resident identity numbers (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '11010519491231002x', '440524188001010014', '110101199003077758'])(
    'accepts %s',
    (id) => {
      expect(idNumberProblem(id)).toBeNull();
    },
  );

  it.each([
    ['110105194912310021', '校验位错误'],
    ['11010519491331002X', '出生日期无效'],
    ['11010519490230002X', '出生日期无效'],
    ['01010519491231002X', '地址码无效'],
    ['1101051949123100', '应为18位'],
  ])('rejects %s (%s)', (id, reason) => {
    expect(idNumberProblem(id)).toContain(reason);
  });

  it('rejects a birth date in the future', () => {
    expect(idNumberProblem('110101203001010011', new Date('2026-11-21'))).toContain('出生日期无效');
  });
});

describe('building area', () => {
  it.each([222, 0.5, '726', 1234.56])('accepts %s', (a) => expect(areaProblem(a)).toBeNull());
  it.each([
    [0, '应大于0'],
    [-5, '应大于0'],
    ['abc', '应为数字'],
    [Number.NaN, '应为数字'],
    [12.345, '两位小数'],
  ])('rejects %s (%s)', (a, reason) => expect(areaProblem(a)).toContain(reason));
});

describe('application forms', () => {
  const form = waterEnterprise.form as FormSchema;
  const good = {
    unitName: '珠江摩尔',
    creditCode: '91510107590201629B',
    contactName: '刘经理',
    contactPhone: '13912345678',
    unitAddress: '江北大道1号',
    waterAddress: '江北大道1号B区',
    connectionType: '增容',
    buildingArea: '222',
  };

  it('accepts a complete enterprise application and normalizes it', () => {
    const { value, errors } = validateForm(form, good);
    expect(errors).toEqual([]);
    expect(value.buildingArea).toBe(222);
  });

  it('names every failing field with its Chinese label and reason', () => {
    const { errors } = validateForm(
      form,
      {
        ...good,
        creditCode: '91510107590201629C',
        buildingArea: 0,
        contactPhone: '1391234567',
        unitName: '',
        extra: 1,
      },
      ['formData'],
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path.join('.'), e.message]));
    expect(byPath).toEqual({
      'formData.extra': '不是此表单的字段',
      'formData.unitName': '单位名称为必填项',
      'formData.creditCode': '统一社会信用代码校验位错误',
      'formData.contactPhone': '联系电话应为11位中国大陆手机号码（以13-19开头）',
      'formData.buildingArea': '建筑面积(平方米)应大于0',
    });
  });

  it('checks the optional resident ID number only when given', () => {
    const resident = waterResident.form as FormSchema;
    const base = { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' };
    expect(validateForm(resident, base).errors).toEqual([]);
    expect(validateForm(resident, { ...base, idNumber: '110105194912310021' }).errors[0].message).toBe(
      '身份证号校验位错误',
    );
  });
});
