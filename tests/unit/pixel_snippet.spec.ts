import { test } from '@japa/runner'
import { sanitizeSnippet, snippetHasContent } from '#actions/pixels/sanitize_snippet'

test.group('Custom pixel snippet: sanitising', () => {
  test('keeps https scripts (without their body), images and noscript', ({ assert }) => {
    assert.equal(
      sanitizeSnippet('<script async src="https://cdn.vendor.com/p.js">steal()</script>'),
      '<script async src="https://cdn.vendor.com/p.js"></script>'
    )
    assert.equal(
      sanitizeSnippet(
        '<noscript><img src="https://t.vendor.com/p.gif" width="1" height="1" style="display:none"></noscript>'
      ),
      '<noscript><img src="https://t.vendor.com/p.gif" width="1" height="1" /></noscript>'
    )
  })

  test('drops inline JavaScript, event handlers and dangerous schemes', ({ assert }) => {
    const cases: Array<[string, string]> = [
      ['<script>alert(1)</script>', ''],
      ['<script src="http://cdn.vendor.com/p.js"></script>', ''],
      ['<script src="//cdn.vendor.com/p.js"></script>', ''],
      ['<script src="javascript:alert(1)"></script>', ''],
      ['<script src="data:text/javascript,alert(1)"></script>', ''],
      [
        '<img src="https://t.vendor.com/p.gif" onerror="alert(1)" onload="x()">',
        '<img src="https://t.vendor.com/p.gif" />',
      ],
      ['<img src="javascript:alert(1)">', ''],
      ['<iframe src="https://evil.example"></iframe>', ''],
      ['<svg onload="alert(1)"></svg>', ''],
      ['<a href="javascript:alert(1)">clique</a>', 'clique'],
      [
        '<script src="https://a.com/x.js" type="module" nonce="n" integrity="sha"></script>',
        '<script src="https://a.com/x.js"></script>',
      ],
      ['<!-- comentário --><style>body{}</style>', ''],
    ]
    for (const [input, output] of cases) assert.equal(sanitizeSnippet(input), output, input)
  })

  test('a closing tag smuggled in an attribute stays an attribute (no noscript break-out)', ({
    assert,
  }) => {
    const output = sanitizeSnippet(
      '<noscript><img src="https://a.com/p.gif" alt="</noscript><img src=x onerror=alert(1)>"></noscript>'
    )
    assert.notInclude(output, '<img src=x')
    assert.include(output, '&lt;/noscript&gt;')
  })

  test('knows whether anything useful is left', ({ assert }) => {
    assert.isTrue(snippetHasContent(sanitizeSnippet('<img src="https://a.com/p.gif">')))
    assert.isFalse(snippetHasContent(sanitizeSnippet('<script>fbq("init")</script>')))
    assert.isFalse(snippetHasContent(sanitizeSnippet('<noscript>oi</noscript>')))
  })
})
