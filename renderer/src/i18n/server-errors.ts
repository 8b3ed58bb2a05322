// The main process answers in English; these are the Chinese wordings of its messages that an
// operator meets most. A message without an entry is shown as it came.
export const zhServerErrors: Record<string, string> = {
  required: '必填',
  'look up the caller first': '请先查找来电客户',
  'wrong username or password': '用户名或密码错误',
  'sign in first': '请先登录',
  'this username is taken': '该用户名已被使用',
  'this account id is taken': '该账号已被使用',
  'not a phone number': '不是有效的电话号码',
  'not an email address': '不是有效的邮箱地址',
  'at least 10 characters': '至少 10 个字符',
  'at most 300 characters': '最多 300 个字符',
  'use 2–32 lower-case letters, digits, dots, dashes or underscores': '请使用 2–32 位小写字母、数字、点、短横线或下划线',
  'the desk is already set up; sign in instead': '工作台已初始化，请直接登录',
  'this account is deactivated; ask a manager': '该账号已停用，请联系经理',
  'customer not found': '未找到该客户',
  'case not found': '未找到该工单',
  'the connection to the desk was lost; reload the page': '与工作台的连接已断开，请刷新页面',
};

export const localiseServerMessage = (message: string, language: string) =>
  language.startsWith('zh') ? (zhServerErrors[message] ?? message) : message;
