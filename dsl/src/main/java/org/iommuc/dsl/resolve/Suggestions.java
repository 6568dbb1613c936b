package org.iommuc.dsl.resolve;

import java.util.Collection;

/** "did you mean" hints for misspelt names, by edit distance. */
public final class Suggestions {

    private Suggestions() {}

    /** {@code "; did you mean 'STATUS'?"}, or empty when nothing is close enough. */
    public static String hint(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wrong.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, wrong.length() / 3);
        if (best == null || bestDistance > allowed || best.equals(wrong)) {
            return "";
        }
        return "; did you mean '" + best + "'?";
    }

    /**
     * Edit distance where inserting, deleting or changing a character, or swapping two adjacent
     * ones ({@code bsae} for {@code base}), costs one; capped for long inputs.
     */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
