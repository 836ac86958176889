# R 4.2.2, numDeriv 2016.8-1.1 (run: Rscript kr_direct.R > kr_direct.out)
# Independent reference for the Kenward-Roger (1997) adjustment of the UN-covariance MMRM, in the
# linear parametrisation of SAS PROC MIXED DDFM=KR (the ten elements sigma_ab of Sigma; d2 V = 0, so
# KR's R_ij terms vanish). Dense per-subject algebra; every derivative is numerical (numDeriv), none
# uses the analytic P_i / Q_ij terms of the Java code:
#   W      = 2 * solve(numDeriv::hessian(-2 l_R, sigma))          (observed information, as SAS)
#   Phi_A  = Phi + 2 Lambda = Phi - sum_ij W_ij d2 Phi / d sigma_i d sigma_j
#            (KR eq. for E(Phi_hat): 0.5 sum W_ij d2Phi = Phi {sum W_ij (P_i Phi P_j - Q_ij)} Phi = -Lambda)
#   1-df contrast: SE = sqrt(L Phi_A L'), df = m = 2 (L Phi L')^2 / (g' W g), g = d(L Phi L')/d sigma
#   multi-df:  A1, A2 with Phi P_i Phi = -dPhi/d sigma_i (numerical jacobian), L Phi_A L' entrywise
#              by numerical Hessians as above, then E*, V*, rho, m,
#              lambda as Kenward & Roger (1997) section 4; F = b' L' (L Phi_A L')^-1 L b / l.
# Check of the script itself against SAS: FEV1 ~ ARMCD, us(AVISIT | USUBJID) has SAS DDFM=KR output in
# openpharma/mmrm design/ddfm_covtype/kr_us.csv: TRT - PBO estimate 3.81972492174648,
# SE 0.66124382270307, DF 160.733266403768 (SAS stops before the exact optimum, so expect ~1e-5).
suppressMessages({library(numDeriv)})
options(digits = 15)
kr_fit <- function(dat, fml, subj, visit, lrows, labels, ftests = list()) {
  X <- model.matrix(fml, dat); y <- model.response(model.frame(fml, dat))
  Tn <- nlevels(dat[[visit]]); vi <- as.integer(dat[[visit]])
  ids <- split(seq_len(nrow(dat)), dat[[subj]])
  n <- nrow(X); p <- ncol(X)
  low <- which(lower.tri(diag(Tn), diag = TRUE), arr.ind = TRUE)
  low <- low[order(low[, 1], low[, 2]), , drop = FALSE]   # (1,1) (2,1) (2,2) (3,1) ...: trialstat order
  SigS <- function(s) { S <- matrix(0, Tn, Tn); S[low] <- s; S[low[, 2:1]] <- s; S }
  SigL <- function(th) { L <- matrix(0, Tn, Tn); L[low] <- th; diag(L) <- exp(diag(L)); L %*% t(L) }
  pieces <- function(S, resid = TRUE) {
    XVX <- matrix(0, p, p); XVy <- numeric(p); ld <- 0
    for (ix in ids) { v <- vi[ix]; Si <- solve(S[v, v, drop = FALSE]); ld <- ld + determinant(S[v, v, drop = FALSE])$modulus
      XVX <- XVX + t(X[ix, , drop = FALSE]) %*% Si %*% X[ix, , drop = FALSE]
      XVy <- XVy + t(X[ix, , drop = FALSE]) %*% Si %*% y[ix] }
    C <- solve(XVX); b <- C %*% XVy; rr <- 0
    if (resid) for (ix in ids) { v <- vi[ix]; r <- y[ix] - X[ix, , drop = FALSE] %*% b; rr <- rr + t(r) %*% solve(S[v, v, drop = FALSE], r) }
    list(f = as.numeric((n - p) * log(2 * pi) + ld + determinant(XVX)$modulus + rr), C = C, b = b)
  }
  fL <- function(th) pieces(SigL(th))$f
  fS <- function(s) pieces(SigS(s))$f
  Phi <- function(s) pieces(SigS(s), resid = FALSE)$C
  # start: OLS residual covariance; optimise on log-Cholesky, then Newton on the sigma elements
  r <- residuals(lm(fml, dat)); S0 <- matrix(0, Tn, Tn)
  for (a in 1:Tn) for (b in 1:Tn) { ia <- sapply(ids, function(ix) { k <- ix[vi[ix] == a]; if (length(k)) r[k] else NA })
    ib <- sapply(ids, function(ix) { k <- ix[vi[ix] == b]; if (length(k)) r[k] else NA }); S0[a, b] <- mean(ia * ib, na.rm = TRUE) }
  L0 <- t(chol(S0)); th <- L0[low]; th[low[, 1] == low[, 2]] <- log(th[low[, 1] == low[, 2]])
  o <- nlminb(th, fL, gradient = function(t) grad(fL, t), control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 1000, iter.max = 500))
  s <- SigL(o$par)[low]
  for (k in 1:3) { H <- hessian(fS, s); s <- s - solve(H, grad(fS, s)) }
  H <- hessian(fS, s); W <- 2 * solve(H); pc <- pieces(SigS(s)); q <- length(s)
  cat("-2 REML log-lik ", format(pc$f, digits = 15), "  |grad| ", format(max(abs(grad(fS, s))), digits = 3), "\n")
  cat("sigma ", format(s, digits = 12), "\n")
  for (k in seq_len(nrow(lrows))) {
    Lv <- lrows[k, ]; est <- sum(Lv * pc$b); v <- as.numeric(t(Lv) %*% pc$C %*% Lv)
    lcl <- function(t) as.numeric(t(Lv) %*% Phi(t) %*% Lv)
    g <- grad(lcl, s); h2 <- hessian(lcl, s)
    vA <- v - sum(W * h2)
    df <- 2 * v^2 / as.numeric(t(g) %*% W %*% g)
    cat(sprintf("%-28s est %.10f  se %.10f  se_KR %.10f  df %.6f\n", labels[k], est, sqrt(v), sqrt(vA), df))
  }
  if (length(ftests)) {
    # dPhi/d sigma_i, all i at once; Phi P_i Phi = -dPhi_i
    J <- jacobian(function(t) as.vector(Phi(t)), s)
    dPhi <- lapply(seq_len(q), function(i) matrix(J[, i], p, p))
    for (nm in names(ftests)) {
      L <- ftests[[nm]]; l <- nrow(L)
      # L Phi_A L', entry by entry: (L Phi L')_rc - sum W_ij d2 (L Phi L')_rc
      LAL <- L %*% pc$C %*% t(L)
      for (r1 in 1:l) for (c1 in r1:l) {
        h2 <- hessian(function(t) as.numeric(L[r1, , drop = FALSE] %*% Phi(t) %*% t(L[c1, , drop = FALSE])), s)
        LAL[r1, c1] <- LAL[r1, c1] - sum(W * h2); LAL[c1, r1] <- LAL[r1, c1] }
      Th <- t(L) %*% solve(L %*% pc$C %*% t(L)) %*% L
      A1 <- 0; A2 <- 0
      for (i in 1:q) for (j in 1:q) {
        Mi <- Th %*% (-dPhi[[i]]); Mj <- Th %*% (-dPhi[[j]])
        A1 <- A1 + W[i, j] * sum(diag(Mi)) * sum(diag(Mj)); A2 <- A2 + W[i, j] * sum(diag(Mi %*% Mj)) }
      B <- (A1 + 6 * A2) / (2 * l); g <- ((l + 1) * A1 - (l + 4) * A2) / ((l + 2) * A2)
      den <- 3 * l + 2 * (1 - g); c1 <- g / den; c2 <- (l - g) / den; c3 <- (l + 2 - g) / den
      Es <- 1 / (1 - A2 / l); Vs <- (2 / l) * (1 + c1 * B) / ((1 - c2 * B)^2 * (1 - c3 * B))
      rho <- Vs / (2 * Es^2); m <- 4 + (l + 2) / (l * rho - 1); lam <- m / (Es * (m - 2))
      Lb <- L %*% pc$b; Fst <- as.numeric(t(Lb) %*% solve(LAL, Lb)) / l
      cat(sprintf("F test %-20s ndf %d  F %.10f  lambda %.10f  ddf %.6f  scaledF %.10f  p %.10g\n", nm, l, Fst, lam, m,
                  lam * Fst, pf(lam * Fst, l, m, lower.tail = FALSE)))
    }
  }
}
lrow <- function(fml, dat, grid) {
  tt <- delete.response(terms(fml)); mm <- model.matrix(tt, model.frame(tt, grid, xlev = lapply(dat[sapply(dat, is.factor)], levels)))
  colMeans(mm)
}
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv"); fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX)

cat("==== fev_armcd (FEV1 ~ ARMCD; script check against SAS kr_us.csv)\n")
kr_fit(fev, FEV1 ~ ARMCD, "USUBJID", "AVISIT", matrix(c(0, 1), 1), "TRT-PBO coefficient")

fml <- FEV1 ~ ARMCD * AVISIT + RACE + SEX
rows <- list(); labs <- c()
for (v in levels(fev$AVISIT)) {
  lr <- list()
  for (a in levels(fev$ARMCD)) {
    grid <- expand.grid(ARMCD = a, AVISIT = v, RACE = levels(fev$RACE), SEX = levels(fev$SEX))
    lr[[a]] <- lrow(fml, fev, grid); rows[[length(rows) + 1]] <- lr[[a]]; labs <- c(labs, paste("fev lsmean", a, v)) }
  rows[[length(rows) + 1]] <- lr[["TRT"]] - lr[["PBO"]]; labs <- c(labs, paste("fev TRT-PBO", v))
}
cn <- colnames(model.matrix(fml, fev))
inter <- t(sapply(grep(":", cn), function(j) { e <- numeric(length(cn)); e[j] <- 1; e }))
cat("==== fev (FEV1 ~ ARMCD * AVISIT + RACE + SEX)\n")
kr_fit(fev, fml, "USUBJID", "AVISIT", do.call(rbind, rows), labs,
       ftests = list("ARMCD:AVISIT" = inter, "TRT-PBO VIS4" = matrix(rows[[12]], 1)))
