# R 4.2.2, numDeriv 2016.8-1.1 (run: Rscript direct_reml.R > direct_reml.out from this folder; reads the classpath copies of the data)
# Direct REML fit of the unstructured-covariance MMRM with dense per-subject algebra and numerical
# derivatives (numDeriv), independent of trialstat's analytic derivatives. Satterthwaite df as
# SAS DDFM=SATTERTH: df = 2 (L C L')^2 / (g' A g), A = 2 * solve(Hessian of -2 REML logLik).
suppressMessages({library(numDeriv)})
options(digits = 15)
direct_fit <- function(dat, fml, subj, visit, lsm_rows, labels) {
  X <- model.matrix(fml, dat); y <- model.response(model.frame(fml, dat))
  Tn <- nlevels(dat[[visit]]); vi <- as.integer(dat[[visit]])
  ids <- split(seq_len(nrow(dat)), dat[[subj]])
  n <- nrow(X); p <- ncol(X); q <- Tn * (Tn + 1) / 2
  low <- which(lower.tri(diag(Tn), diag = TRUE), arr.ind = TRUE)
  low <- low[order(low[, 1], low[, 2]), , drop = FALSE]
  Sig <- function(th) { L <- matrix(0, Tn, Tn); L[low] <- th; diag(L) <- exp(diag(L)); L %*% t(L) }
  pieces <- function(th) {
    S <- Sig(th); XVX <- matrix(0, p, p); XVy <- numeric(p); ld <- 0
    for (ix in ids) { v <- vi[ix]; Si <- solve(S[v, v, drop = FALSE]); ld <- ld + determinant(S[v, v, drop = FALSE])$modulus
      XVX <- XVX + t(X[ix, , drop = FALSE]) %*% Si %*% X[ix, , drop = FALSE]
      XVy <- XVy + t(X[ix, , drop = FALSE]) %*% Si %*% y[ix] }
    C <- solve(XVX); b <- C %*% XVy; rr <- 0
    for (ix in ids) { v <- vi[ix]; r <- y[ix] - X[ix, , drop = FALSE] %*% b; rr <- rr + t(r) %*% solve(S[v, v, drop = FALSE], r) }
    list(f = as.numeric((n - p) * log(2 * pi) + ld + determinant(XVX)$modulus + rr), C = C, b = b)
  }
  f <- function(th) pieces(th)$f
  # start: residual covariance of OLS, pairwise
  r <- residuals(lm(fml, dat)); S0 <- matrix(0, Tn, Tn)
  for (a in 1:Tn) for (b in 1:Tn) { ia <- sapply(ids, function(ix) { k <- ix[vi[ix] == a]; if (length(k)) r[k] else NA })
    ib <- sapply(ids, function(ix) { k <- ix[vi[ix] == b]; if (length(k)) r[k] else NA }); S0[a, b] <- mean(ia * ib, na.rm = TRUE) }
  L0 <- t(chol(S0)); th <- L0[low]; th[low[, 1] == low[, 2]] <- log(th[low[, 1] == low[, 2]])
  o <- nlminb(th, f, gradient = function(t) grad(f, t), control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 1000, iter.max = 500))
  th <- o$par
  for (k in 1:3) { H <- hessian(f, th); th <- th - solve(H, grad(f, th)) }  # Newton polish
  H <- hessian(f, th); A <- 2 * solve(H); pc <- pieces(th)
  cat("-2 REML log-lik ", format(pc$f, digits = 15), "  |grad| ", format(max(abs(grad(f, th))), digits = 3), "\n")
  for (k in seq_len(nrow(lsm_rows))) {
    Lv <- lsm_rows[k, ]; est <- sum(Lv * pc$b); v <- as.numeric(t(Lv) %*% pc$C %*% Lv)
    g <- jacobian(function(t) { Cc <- pieces(t)$C; as.numeric(t(Lv) %*% Cc %*% Lv) }, th)
    df <- 2 * v^2 / as.numeric(g %*% A %*% t(g))
    cat(sprintf("%-28s est %.10f  se %.10f  df %.6f\n", labels[k], est, sqrt(v), df))
  }
}
# L vectors built from model matrix of a reference grid (equal weights over RACE/SEX levels; baseline mean)
lrow <- function(fml, dat, grid, avg_cols = list()) {
  tt <- delete.response(terms(fml)); mm <- model.matrix(tt, model.frame(tt, grid, xlev = lapply(dat[sapply(dat, is.factor)], levels)))
  colMeans(mm)
}
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv"); fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX)
fml <- FEV1 ~ ARMCD * AVISIT + RACE + SEX
rows <- list(); labs <- c()
for (v in levels(fev$AVISIT)) {
  lr <- list()
  for (a in levels(fev$ARMCD)) {
    grid <- expand.grid(ARMCD = a, AVISIT = v, RACE = levels(fev$RACE), SEX = levels(fev$SEX))
    lr[[a]] <- lrow(fml, fev, grid); rows[[length(rows) + 1]] <- lr[[a]]; labs <- c(labs, paste("fev lsmean", a, v)) }
  rows[[length(rows) + 1]] <- lr[["TRT"]] - lr[["PBO"]]; labs <- c(labs, paste("fev TRT-PBO", v))
}
cat("==== fev\n"); direct_fit(fev, fml, "USUBJID", "AVISIT", do.call(rbind, rows), labs)
prep <- function(file, control) {
  d <- read.csv(file, stringsAsFactors = FALSE, check.names = FALSE); arms <- unique(d$arm)
  b <- d[d$visit == "baseline" & !is.na(d$caps_total), c("participant_id", "caps_total")]; names(b)[2] <- "baseline"
  p <- merge(d[d$visit != "baseline" & !is.na(d$caps_total), ], b, by = "participant_id"); p$change <- p$caps_total - p$baseline
  vis <- unique(d[d$visit != "baseline", c("visit", "week")]); vis <- vis[order(vis$week), "visit"]
  p$visit <- factor(p$visit, levels = vis); p$arm <- factor(p$arm, levels = c(control, setdiff(arms, control)))
  p[order(p$participant_id, p$visit), ]
}
for (cs in list(c("mapp1_like", "Placebo"), c("dose_response_caps4", "40 mg"))) {
  p <- prep(paste0("../../oracles/", cs[1], ".csv"), cs[2]); fml <- change ~ arm * visit + baseline * visit
  rows <- list(); labs <- c()
  for (v in levels(p$visit)) {
    lr <- list()
    for (a in levels(p$arm)) { grid <- data.frame(arm = factor(a, levels(p$arm)), visit = factor(v, levels(p$visit)), baseline = mean(p$baseline))
      lr[[a]] <- lrow(fml, p, grid); rows[[length(rows) + 1]] <- lr[[a]]; labs <- c(labs, paste(cs[1], "lsmean", a, v)) }
    for (a in levels(p$arm)[-1]) { rows[[length(rows) + 1]] <- lr[[a]] - lr[[cs[2]]]; labs <- c(labs, paste(cs[1], a, "-", cs[2], v)) }
  }
  cat("====", cs[1], "\n"); direct_fit(p, fml, "participant_id", "visit", do.call(rbind, rows), labs)
}
