import { describe, expect, test } from 'vitest';
import { jsonErrorPosition, jsonReason } from '../src/jsonErrorPosition.js';

describe('jsonErrorPosition', () => {
  test('reads the position V8 gives, or finds it', () => {
    expect(jsonErrorPosition('{\n "a": 1,\n}', 'Expected double-quoted property name in JSON at position 11')).toEqual([3, 1]);
    expect(jsonErrorPosition('ab\ncd', 'x (line 2 column 1)')).toEqual([2, 1]);
    expect(jsonErrorPosition('{"a": 1}}', 'Unexpected token')).toEqual([1, 9]);
  });

  test('points at the real error of a parse that fails, whatever the message', () => {
    const text = '{\n  "tz": "UTC",\n  "seed": 1,\n}';
    let message = '';
    try {
      JSON.parse(text);
    } catch (e) {
      message = (e as Error).message;
    }
    // The trailing comma is only an error at the closing brace: line 4, column 1.
    expect(jsonErrorPosition(text, message)).toEqual([4, 1]);
  });
});

describe('jsonReason', () => {
  test("drops V8's position and its echo of the text", () => {
    expect(jsonReason('Unexpected token } in JSON at position 9')).toBe('Unexpected token }');
    expect(jsonReason('Expected \',\' or \'}\' after property value in JSON at position 8 (line 1 column 9)')).toBe("Expected ',' or '}' after property value");
    expect(jsonReason('Unexpected token \'x\', "x" is not valid JSON')).toBe("Unexpected token 'x'");
  });
});
