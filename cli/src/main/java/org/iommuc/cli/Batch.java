package org.iommuc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --batch}: one request per line on stdin, one result per line on stdout, in order.
 * Blank lines and lines starting with {@code #} are skipped. A request that fails prints
 * {@code error: why} (or a JSON object with an "error" member) on its line, so output stays
 * aligned with input; the exit code is then 1.
 */
final class Batch {

    private Batch() {}

    interface Request {
        String handle(List<String> words) throws Loaded.Failure;
    }

    static int run(InputStream in, PrintWriter out, boolean json, Request request) {
        int failures = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    out.println(request.handle(words(trimmed)));
                } catch (Loaded.Failure e) {
                    failures++;
                    out.println(json ? "{\"error\":" + Json.string(e.getMessage()) + "}" : "error: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.println("error: cannot read standard input: " + e.getMessage());
            return Main.ERRORS;
        }
        out.flush();
        return failures == 0 ? Main.OK : Main.ERRORS;
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String w : line.split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
