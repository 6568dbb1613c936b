// The build failed with the same rendered diagnostic as 'iommuc check' (path relative to the
// project, line:col, the source line, the caret, the note) and generated nothing.
def log = new File(basedir, 'build.log').text
def expected = [
    '[ERROR] src/main/iommu/broken.iommu:15:9: error[E0200]: register FLUSH (0xC..0xF) overlaps STATUS (0xC..0xF)',
    '[ERROR]    15 |         FLUSH 0x0C wo;',
    '[ERROR]       |         ^^^^^',
    '[ERROR] src/main/iommu/broken.iommu:12:9: note: STATUS is defined here',
    '[ERROR]    12 |         STATUS 0x0C w1c {',
    '[ERROR]       |         ^^^^^^',
    '[ERROR] iommuc: 1 error; stopped after checking',
].join('\n')
assert log.contains(expected) : "build.log lacks the rendered diagnostic:\n" + expected
assert log.contains('Failed to execute goal org.iommuc:iommuc-maven-plugin:')
assert log.contains('on project broken-description: iommuc: 1 error; stopped after checking')
assert !log.contains('\tat ') : 'no stack trace'
assert !new File(basedir, 'target/generated-sources/iommuc').exists() : 'nothing is generated'
