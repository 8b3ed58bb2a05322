// The source language: zh-CN.ts must have exactly these keys (checked by its type).
export const en = {
  app: {
    title: 'Assurance Desk',
    signOut: 'Sign out',
    language: 'Language',
    role: { agent: 'Agent', supervisor: 'Supervisor', manager: 'Manager' },
    nav: { calls: 'Hotline call log' },
    loading: 'Opening the desk…',
  },
  setup: {
    title: 'Set up the desk',
    intro: 'This is the first start. Create the manager account; managers then add agents and supervisors.',
    username: 'Username',
    displayName: 'Full name',
    password: 'Password',
    confirm: 'Repeat the password',
    mismatch: 'the two passwords differ',
    submit: 'Create manager and sign in',
  },
  signIn: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
  },
  calls: {
    title: 'Log a call',
    caller: 'Caller (account, phone number or name)',
    noMatch: 'No customer matches',
    matchedOn: { account: 'account', phone: 'phone', name: 'name' },
    vip: 'VIP',
    channel: 'Channel',
    category: 'Category',
    summary: 'Summary',
    notes: 'Notes',
    save: 'Save call',
    saved: 'Call {{id}} saved',
    outOfScope: 'Out of scope — read this to the caller:',
    scopeExplanation:
      'After-sales support covers the platform and its services. “{{category}}” is on the customer’s side of the shared-responsibility line, so we cannot work on it; your request is logged. A partner or our professional services can help.',
    recent: 'Recent cases',
    empty: 'No cases yet',
    columns: { id: 'Case', opened: 'Opened', customer: 'Customer', channel: 'Channel', category: 'Category', summary: 'Summary', agent: 'Agent' },
    saveHint: 'Ctrl+Enter saves',
  },
  channel: { hotline: 'Hotline', online: 'Online consultation', email: 'Email', 'work-order': 'Work order' },
  category: {
    'product-function': 'Product function consultation',
    'technical-issue': 'Technical issue consultation',
    'operation-fault': 'Operation-related fault diagnosis',
    'system-fault': 'System-issue-related fault diagnosis',
    console: 'Management console consultation and fault diagnosis',
    'third-party-deployment': 'Deployment of third-party application software (out of scope)',
    'third-party-fault': 'Fault diagnosis of third-party application software (out of scope)',
    'code-development': 'Code development (out of scope)',
    'routine-om': 'Routine O&M services (out of scope)',
  },
  errors: { required: 'required' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
