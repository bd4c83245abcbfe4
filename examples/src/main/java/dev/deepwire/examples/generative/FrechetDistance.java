package dev.deepwire.examples.generative;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * The Fréchet distance between Gaussians fitted to two sets of feature vectors (the "FID" when the
 * features come from a trained classifier):
 * {@code |mu1 - mu2|² + tr(S1 + S2 - 2 (S1^½ S2 S1^½)^½)}.
 */
public final class FrechetDistance {

  private FrechetDistance() {}

  /** The distance between the feature rows {@code a} and {@code b} (each at least two rows). */
  public static double between(float[][] a, float[][] b) {
    RealMatrix x = matrix(a);
    RealMatrix y = matrix(b);
    double[] meanA = means(x);
    double[] meanB = means(y);
    double meanTerm = 0;
    for (int j = 0; j < meanA.length; j++) {
      meanTerm += (meanA[j] - meanB[j]) * (meanA[j] - meanB[j]);
    }
    RealMatrix covA = new Covariance(x).getCovarianceMatrix();
    RealMatrix covB = new Covariance(y).getCovarianceMatrix();
    RealMatrix rootA = symmetricRoot(covA);
    // S1^½ S2 S1^½ is symmetric positive semi-definite with the eigenvalues of S1 S2.
    RealMatrix inner = rootA.multiply(covB).multiply(rootA);
    inner = inner.add(inner.transpose()).scalarMultiply(0.5);
    double traceOfRoot = 0;
    for (double eigenvalue : new EigenDecomposition(inner).getRealEigenvalues()) {
      traceOfRoot += Math.sqrt(Math.max(0, eigenvalue));
    }
    return meanTerm + covA.getTrace() + covB.getTrace() - 2 * traceOfRoot;
  }

  private static RealMatrix symmetricRoot(RealMatrix symmetric) {
    EigenDecomposition eigen = new EigenDecomposition(symmetric);
    double[] values = eigen.getRealEigenvalues();
    double[] roots = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      roots[i] = Math.sqrt(Math.max(0, values[i]));
    }
    RealMatrix vectors = eigen.getV();
    return vectors.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(vectors.transpose());
  }

  private static RealMatrix matrix(float[][] rows) {
    double[][] values = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      values[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        values[i][j] = rows[i][j];
      }
    }
    return MatrixUtils.createRealMatrix(values);
  }

  private static double[] means(RealMatrix m) {
    double[] means = new double[m.getColumnDimension()];
    for (int j = 0; j < means.length; j++) {
      double sum = 0;
      for (int i = 0; i < m.getRowDimension(); i++) {
        sum += m.getEntry(i, j);
      }
      means[j] = sum / m.getRowDimension();
    }
    return means;
  }
}
