package org.iommuc.cli;

import picocli.CommandLine;

/** The version printed by {@code iommuc --version}. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"iommuc " + (version == null ? "development build" : version)};
    }
}
