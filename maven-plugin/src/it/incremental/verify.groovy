import java.text.SimpleDateFormat

// Three builds (see invoker.properties); build.log holds all three, each line stamped with its time.
def lines = new File(basedir, 'build.log').readLines()
def format = new SimpleDateFormat('yyyyMMdd.HHmmss.SSS')
def timeOf = { String text ->
    def found = lines.findAll { it.contains(text) }
    assert found.size() == 1 : "expected one line with '" + text + "', found " + found.size()
    format.parse(found[0].substring(0, found[0].indexOf(' '))).time
}

def first = timeOf('iommuc: generating Java from 2 descriptions in src/main/iommu (no earlier generation here)')
timeOf('iommuc: wrote 6 files (0 unchanged) in target/generated-sources/iommuc')
def skipped = timeOf('iommuc: generated sources are up to date (2 descriptions, nothing changed); skipping generation')
def third = timeOf('iommuc: generating Java from 2 descriptions in src/main/iommu (src/main/iommu/beta.iommu changed)')
timeOf('iommuc: wrote 1 file (5 unchanged) in target/generated-sources/iommuc')
assert first < skipped && skipped < third

def generated = new File(basedir, 'target/generated-sources/iommuc/org/iommuc/generated')
def untouched = ['AlphaModel', 'AlphaPte', 'AlphaRegisters', 'BetaModel', 'BetaPte']
untouched.each { name ->
    def file = new File(generated, name + '.java')
    assert file.isFile()
    assert file.lastModified() < skipped : name + '.java was written again after the first build'
}
def changed = new File(generated, 'BetaRegisters.java')
assert changed.lastModified() > skipped : 'BetaRegisters.java was not generated again'
assert changed.text.contains('public static final long FLUSH_OFFSET = 0x14;')
assert new File(generated, 'AlphaRegisters.java').text.contains('public static final long FLUSH_OFFSET = 0x10;')
assert new File(basedir, 'target/classes/org/iommuc/generated/BetaModel.class').isFile() : 'the models compile'
