import { describe, expect, it } from 'vitest';
import { markdownText, plainAmount, terminalText } from '../../src/report/preventionText.js';

describe('prevention text escaping', () => {
  it('shows control characters as escapes on the terminal', () => {
    expect(terminalText('\u001b[31mred\r')).toBe('\\u001b[31mred\\u000d');
    expect(terminalText('café ☕')).toBe('café ☕');
  });

  it('backslashes what would start emphasis, code, a link or HTML in Markdown, and nothing else', () => {
    expect(markdownText('a*b `c` [x](y) <s> (none) o_s #1 |')).toBe('a\\*b \\`c\\` \\[x\\](y) \\<s\\> (none) o_s #1 |');
  });

  it('writes amounts without a currency symbol, grouped, two decimals', () => {
    expect(plainAmount(1234.5)).toBe('1,234.50');
    expect(plainAmount(-0.004)).toBe('0.00');
    expect(plainAmount(-12)).toBe('-12.00');
  });
});
