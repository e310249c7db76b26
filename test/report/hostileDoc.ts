import { type Block, heading, list, paragraph, strong, table } from '../../src/report/doc.js';

/** A label from the data with markup, a table pipe, a link and a line break. */
export const HOSTILE = '<script>x</script> | *a* `b` [x](y)\nnext';

/** The same nodes docMarkdown.test.ts and docHtml.test.ts render: the label in every place text goes. */
export const HOSTILE_BLOCKS: Block[] = [
  heading(3, HOSTILE),
  paragraph(strong('Reason.'), ' ', HOSTILE),
  list([HOSTILE]),
  table([{ header: 'Reason' }, { header: 'Tickets', align: 'right' }], [[HOSTILE, '3']]),
];
