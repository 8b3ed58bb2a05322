// Strings of the file links shared by the case page and the mail thread.
export const messages = {
  en: {
    files: {
      title: 'Files kept on this case',
      open: 'Download {{name}}',
      none: 'No files',
    },
  },
  zhCN: {
    files: {
      title: '案件附件',
      open: '下载 {{name}}',
      none: '无附件',
    },
  },
};
