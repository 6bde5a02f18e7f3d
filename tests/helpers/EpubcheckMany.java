// EPUBCheck (Java) on many EPUBs in one JVM: its start-up costs seconds, its checks only a fraction
// of that. Run with Java's source launcher, no compile step:
//   java -cp /usr/share/java/epubcheck.jar tests/helpers/EpubcheckMany.java <report folder> <file.epub>...
// Writes <report folder>/<n>.json, EPUBCheck's own JSON report for the n-th file (from 0).
import com.adobe.epubcheck.tool.EpubChecker;
import java.io.File;

public class EpubcheckMany {
  public static void main(String[] args) {
    File reports = new File(args[0]);
    for (int index = 1; index < args.length; index++) {
      String json = new File(reports, (index - 1) + ".json").getPath();
      new EpubChecker().run(new String[] { args[index], "--quiet", "--json", json });
    }
  }
}
