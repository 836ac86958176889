# R 4.2.2, numDeriv 2016.8-1.1 (Debian r-cran-numderiv); run: Rscript kr_structures.R > kr_structures.out
# from this folder. Reads fev_data from ../shared (R mmrm's data set; not copied into the project).
#
# An independent reference for Kenward-Roger (Kenward & Roger 1997, Biometrics 53:983-997) with the
# covariance structures of SAS PROC MIXED in SAS's own parametrisation, written from the paper and
# the SAS documentation only (no code shared with trialstat): the REML criterion is coded directly,
#   -2 l_R = (n - p) log(2 pi) + sum_i log|Sigma_i| + log|X' V^-1 X| + r' V^-1 r,
# minimised by nlminb (its trial points with a negative variance give NaN in Sigma, scored Inf; R warns
# "NaNs produced" on stderr) and polished by Newton steps on numDeriv's gradient and Hessian (until the Newton
# decrement g' H^-1 g is below 1e-15 |-2 l_R|, or 30 steps; printed as newton_decrement); then, with
# theta SAS's parameters, V_i = dV/d theta_i and V_ij = d2V/d theta_i d theta_j (numDeriv, Richardson
# extrapolation), Phi = (X' V^-1 X)^-1,
#   P_i = -X' V^-1 V_i V^-1 X,  Q_ij = X' V^-1 V_i V^-1 V_j V^-1 X,  R_ij = X' V^-1 V_ij V^-1 X,
#   W = 2 H^-1 (H the observed Hessian of -2 l_R in theta, as SAS),
#   Phi_A = Phi + 2 Phi { sum_ij W_ij (Q_ij - P_i Phi P_j - R_ij / 4) } Phi,
# and for a contrast L (l = 1 row) KR's A1, A2, B, g, c1..c3, E*, V*, rho and m (their section 4).
#
# Sections (each block headed "==== name"):
#  1. fits checked against SAS's REML listings (../shared/oracles/mmrm_fev/sas; MODEL FEV1 = ;
#     TYPE=TOEP, and GROUP=ARMCD with CS ... ANTE(1)): -2 Res Log Like and the parameters;
#  2. the KR computation checked against SAS DDFM=KR listings of R mmrm's design folder
#     (openpharma/mmrm design/ddfm_covtype/kr_*.csv; MODEL FEV1 = ARMCD, TRT - PBO), values typed below;
#  3. references where SAS gives none: TOEP and a covariance per arm (GROUP=ARMCD) for MODEL FEV1 =
#     ARMCD (TRT - PBO) and for trialstat's model FEV1 = ARMCD * AVISIT + RACE + SEX (TRT - PBO at
#     each visit): estimate, KR SE, KR df.
suppressMessages(library(numDeriv))
options(digits = 15)
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv")
fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
fev$RACE <- factor(fev$RACE); fev$SEX <- factor(fev$SEX)
fev$v <- as.integer(fev$AVISIT)
NV <- 4

# Sigma (NV x NV) of one group from its parameters, SAS's names and order (PROC MIXED, Table
# "Covariance Structure Examples"): UN: UN(1,1), UN(2,1), UN(2,2), ... (row-wise lower triangle);
# CS: CS, Residual; CSH: Var(1..4), CSH; AR(1): AR(1), Residual;
# ARH(1): Var(1..4), ARH(1); TOEP: TOEP(2..4), Residual; TOEPH: Var(1..4), TOEPH(1..3);
# ANTE(1): Var(1..4), Rho(1..3)
npar <- c(un = 10, cs = 2, csh = 5, ar1 = 2, ar1h = 5, toep = 4, toeph = 7, adh = 7)
pnames <- list(un = unlist(lapply(1:4, function(a) sprintf("UN(%d,%d)", a, 1:a))), cs = c("CS", "Residual"), csh = c(paste0("Var(", 1:4, ")"), "CSH"),
  ar1 = c("AR(1)", "Residual"), ar1h = c(paste0("Var(", 1:4, ")"), "ARH(1)"),
  toep = c(paste0("TOEP(", 2:4, ")"), "Residual"), toeph = c(paste0("Var(", 1:4, ")"), paste0("TOEPH(", 1:3, ")")),
  adh = c(paste0("Var(", 1:4, ")"), paste0("Rho(", 1:3, ")")))
lag <- abs(outer(1:NV, 1:NV, "-"))
sigma1 <- function(s, th) {
  switch(s,
    un = { S <- matrix(0, NV, NV); S[upper.tri(S, diag = TRUE)] <- th; S[lower.tri(S)] <- t(S)[lower.tri(S)]; S },
    cs = th[1] + diag(th[2], NV),
    ar1 = th[2] * th[1]^lag,
    toep = matrix(c(th[4], th[1:3])[lag + 1], NV),
    {
      sd <- sqrt(th[1:NV])
      cor <- switch(s,
        csh = ifelse(lag == 0, 1, th[5]),
        ar1h = th[5]^lag,
        toeph = matrix(c(1, th[5:7])[lag + 1], NV),
        adh = outer(1:NV, 1:NV, Vectorize(function(a, b) if (a == b) 1 else prod(th[4 + (min(a, b):(max(a, b) - 1))]))))
      outer(sd, sd) * cor
    })
}
# every group's Sigma, stacked: the function numDeriv differentiates
sigmas <- function(s, th, groups) {
  k <- npar[[s]]
  lapply(seq_len(groups), function(g) sigma1(s, th[(g - 1) * k + 1:k]))
}

# subjects: visits, rows of X, y, covariance group (for KR)
subjects <- function(X, grp) {
  ids <- unique(fev$USUBJID)
  lapply(ids, function(id) {
    r <- which(fev$USUBJID == id)
    list(v = fev$v[r], X = X[r, , drop = FALSE], y = fev$FEV1[r], g = grp[r[1]])
  })
}
# the same subjects pooled by covariance group and visit pattern, with the sums over the pattern's
# subjects of x_a x_b' (p x p), x_a y_b and y_a y_b for its visits a, b: then X' V^-1 X = sum_ab
# (Sigma^-1)_ab sum x_a x_b', and likewise X' V^-1 y, y' V^-1 y, so that -2 l_R costs one small
# factorisation per pattern
patterns <- function(subj) {
  key <- sapply(subj, function(u) paste(u$g, paste(u$v, collapse = ",")))
  lapply(split(subj, key), function(us) {
    v <- us[[1]]$v; m <- length(v); p <- ncol(us[[1]]$X)
    xx <- array(0, c(m, m, p, p)); xy <- array(0, c(m, m, p)); yy <- matrix(0, m, m)
    for (u in us) for (a in 1:m) for (b in 1:m) {
      xx[a, b, , ] <- xx[a, b, , ] + outer(u$X[a, ], u$X[b, ])
      xy[a, b, ] <- xy[a, b, ] + u$X[a, ] * u$y[b]
      yy[a, b] <- yy[a, b] + u$y[a] * u$y[b]
    }
    list(v = v, g = us[[1]]$g, n = length(us), xx = xx, xy = xy, yy = yy)
  })
}

m2lr <- function(s, th, pats, groups, p, n) {
  S <- tryCatch(sigmas(s, th, groups), error = function(e) NULL)
  if (is.null(S) || any(!is.finite(unlist(S)))) return(Inf)
  xvx <- matrix(0, p, p); xvy <- numeric(p); yvy <- 0; ld <- 0
  for (pt in pats) {
    ch <- tryCatch(chol(S[[pt$g]][pt$v, pt$v, drop = FALSE]), error = function(e) NULL)
    if (is.null(ch)) return(Inf)
    ld <- ld + pt$n * 2 * sum(log(diag(ch)))
    iS <- chol2inv(ch); m <- length(pt$v)
    for (a in 1:m) for (b in 1:m) {
      xvx <- xvx + iS[a, b] * pt$xx[a, b, , ]
      xvy <- xvy + iS[a, b] * pt$xy[a, b, ]
    }
    yvy <- yvy + sum(iS * pt$yy)
  }
  cx <- tryCatch(chol(xvx), error = function(e) NULL)
  if (is.null(cx)) return(Inf)
  beta <- chol2inv(cx) %*% xvy
  (n - p) * log(2 * pi) + ld + 2 * sum(log(diag(cx))) + yvy - sum(xvy * beta)
}

start <- function(s, y) {
  v0 <- var(y)
  switch(s, un = v0 * c(1, 0.3, 1, 0.1, 0.3, 1, 0.05, 0.1, 0.3, 1), cs = c(0.2 * v0, 0.8 * v0), ar1 = c(0.3, v0), toep = c(0.3, 0.1, 0.05, 1) * v0,
    csh = c(rep(v0, 4), 0.2), ar1h = c(rep(v0, 4), 0.3), toeph = c(rep(v0, 4), 0.3, 0.1, 0.05),
    adh = c(rep(v0, 4), 0.3, 0.3, 0.3))
}

fit <- function(s, X, byArm) {
  groups <- if (byArm) 2 else 1
  subj <- subjects(X, if (byArm) as.integer(fev$ARMCD) else rep(1L, nrow(fev)))
  pats <- patterns(subj)
  p <- ncol(X); n <- nrow(fev)
  f <- function(th) m2lr(s, th, pats, groups, p, n)
  th <- rep(start(s, fev$FEV1), groups)
  o <- nlminb(th, f, control = list(eval.max = 5000, iter.max = 2000, rel.tol = 1e-14))
  th <- o$par
  for (it in 1:30) {
    g <- grad(f, th); H <- hessian(f, th)
    step <- solve(H, g)
    if (abs(sum(g * step)) < 1e-15 * abs(f(th))) break
    t <- 1
    while (f(th - t * step) > f(th) && t > 1e-8) t <- t / 2
    th <- th - t * step
  }
  list(s = s, th = th, f = f(th), H = hessian(f, th), subj = subj, pats = pats, groups = groups, p = p,
    decrement = abs(sum(g * step)))
}

# KR at the fit; L is a list of 1 x p contrast rows
kr <- function(ft, L) {
  s <- ft$s; th <- ft$th; groups <- ft$groups; p <- ft$p; nth <- length(th)
  S <- sigmas(s, th, groups)
  vecS <- function(t) unlist(lapply(sigmas(s, t, groups), as.vector))
  J <- jacobian(vecS, th)                            # (groups NV^2) x nth
  D2 <- lapply(seq_len(nrow(J)), function(e) hessian(function(t) vecS(t)[e], th))
  el <- function(g, a, b) (g - 1) * NV * NV + (b - 1) * NV + a   # index of Sigma_g[a, b] in vecS
  D2a <- array(unlist(D2), c(nth, nth, nrow(J)))     # D2a[i, j, e] = d2 vecS_e / d theta_i d theta_j
  # sum over a pattern's subjects of X_s' M X_s = sum_ab M_ab sum_s x_sa x_sb' (the pattern's xx)
  xmx <- function(pt, M) matrix(crossprod(as.vector(M), matrix(pt$xx, length(M))), p, p)
  xvx <- matrix(0, p, p)
  Pm <- replicate(nth, matrix(0, p, p), simplify = FALSE)
  Qm <- replicate(nth, replicate(nth, matrix(0, p, p), simplify = FALSE), simplify = FALSE)
  Rm <- Qm
  for (pt in ft$pats) {
    m <- length(pt$v)
    iS <- solve(S[[pt$g]][pt$v, pt$v, drop = FALSE])
    idx <- outer(pt$v, pt$v, function(a, b) el(pt$g, a, b))
    Vi <- lapply(1:nth, function(i) matrix(J[idx, i], m))
    A <- lapply(Vi, function(vi) iS %*% vi %*% iS)
    xvx <- xvx + xmx(pt, iS)
    for (i in 1:nth) {
      Pm[[i]] <- Pm[[i]] - xmx(pt, A[[i]])
      for (j in 1:nth) {
        Qm[[i]][[j]] <- Qm[[i]][[j]] + xmx(pt, A[[i]] %*% Vi[[j]] %*% iS)
        Rm[[i]][[j]] <- Rm[[i]][[j]] + xmx(pt, iS %*% matrix(D2a[i, j, idx], m) %*% iS)
      }
    }
  }
  Phi <- solve(xvx)
  W <- 2 * solve(ft$H)
  acc <- matrix(0, p, p)
  for (i in 1:nth) for (j in 1:nth)
    acc <- acc + W[i, j] * (Qm[[i]][[j]] - Pm[[i]] %*% Phi %*% Pm[[j]] - Rm[[i]][[j]] / 4)
  PhiA <- Phi + 2 * Phi %*% acc %*% Phi
  beta <- NULL
  lapply(L, function(l) {
    l <- matrix(l, 1)
    nl <- 1
    Theta <- t(l) %*% solve(l %*% Phi %*% t(l)) %*% l
    tr1 <- sapply(1:nth, function(i) sum(diag(Theta %*% Phi %*% Pm[[i]] %*% Phi)))
    A1 <- 0; A2 <- 0
    for (i in 1:nth) for (j in 1:nth) {
      A1 <- A1 + W[i, j] * tr1[i] * tr1[j]
      A2 <- A2 + W[i, j] * sum(diag(Theta %*% Phi %*% Pm[[i]] %*% Phi %*% Theta %*% Phi %*% Pm[[j]] %*% Phi))
    }
    B <- (A1 + 6 * A2) / (2 * nl)
    g <- ((nl + 1) * A1 - (nl + 4) * A2) / ((nl + 2) * A2)
    c1 <- g / (3 * nl + 2 * (1 - g)); c2 <- (nl - g) / (3 * nl + 2 * (1 - g)); c3 <- (nl + 2 - g) / (3 * nl + 2 * (1 - g))
    Es <- 1 / (1 - A2 / nl)
    Vs <- (2 / nl) * (1 + c1 * B) / ((1 - c2 * B)^2 * (1 - c3 * B))
    rho <- Vs / (2 * Es^2)
    mdf <- 4 + (nl + 2) / (nl * rho - 1)
    c(se = sqrt(drop(l %*% PhiA %*% t(l))), df = mdf, se_unadj = sqrt(drop(l %*% Phi %*% t(l))))
  })
}

beta_of <- function(ft, X) {
  S <- sigmas(ft$s, ft$th, ft$groups)
  xvx <- 0; xvy <- 0
  for (u in ft$subj) {
    iS <- solve(S[[u$g]][u$v, u$v, drop = FALSE])
    xvx <- xvx + t(u$X) %*% iS %*% u$X; xvy <- xvy + t(u$X) %*% iS %*% u$y
  }
  drop(solve(xvx, xvy))
}

show_fit <- function(name, ft, sas_m2ll = NA) {
  cat("====", name, "\n")
  cat(sprintf("m2ll %.10f%s\n", ft$f, if (is.na(sas_m2ll)) "" else sprintf("  (SAS %.8f, diff %.2e)", sas_m2ll, ft$f - sas_m2ll)))
  cat(sprintf("newton_decrement %.2e\n", ft$decrement))
  nm <- pnames[[ft$s]]
  for (g in seq_len(ft$groups)) for (j in seq_along(nm))
    cat(sprintf("param %s%s %.10f\n", nm[j], if (ft$groups > 1) paste0(" ", levels(fev$ARMCD)[g]) else "",
      ft$th[(g - 1) * length(nm) + j]))
}

X1 <- matrix(1, nrow(fev), 1)
cat("# 1. fits against SAS REML listings, MODEL FEV1 = (intercept only)\n")
show_fit("sas_toep_reml", fit("toep", X1, FALSE), 3856.68995273)
sas_group <- c(cs = 3915.41985780, csh = 3764.55218946, ar1 = 3872.65212395, ar1h = 3724.36099760,
  toeph = 3704.49921127, adh = 3688.84024388)
for (s in names(sas_group)) show_fit(paste0("sas_group_", s, "_reml"), fit(s, X1, TRUE), sas_group[[s]])

XA <- model.matrix(~ ARMCD, fev)
cat("# 2. KR against SAS DDFM=KR (R mmrm design/ddfm_covtype/kr_*.csv), MODEL FEV1 = ARMCD, TRT - PBO\n")
sas_kr <- list(cs = c(4.19663617897035, 0.7964696053595, 177.038485931223),
  csh = c(3.77090812499029, 0.67414806011886, 190.737701349941),
  toeph = c(3.92287746213894, 0.72543828853831, 180.062730071701),
  adh = c(3.72344028834729, 0.66172017349971, 162.393385281755),
  toep = c(4.47051860580552, 0.87839805519623, 160.027408337368),
  ar1 = c(4.2257, 0.9587, 188), ar1h = c(3.7267, 0.7590, 188))
for (s in names(sas_kr)) {
  ft <- fit(s, XA, FALSE)
  b <- beta_of(ft, XA)
  k <- kr(ft, list(c(0, 1)))[[1]]
  ref <- sas_kr[[s]]
  cat("====", "kr", s, "\n")
  cat(sprintf("contrast TRT est %.10f se %.10f df %.6f\n", b[2], k[["se"]], k[["df"]]))
  cat(sprintf("sas      TRT est %.10f se %.10f df %.6f\n", ref[1], ref[2], ref[3]))
  cat(sprintf("relative_diff est %.1e se %.1e df %.1e\n", b[2] / ref[1] - 1, k[["se"]] / ref[2] - 1, k[["df"]] / ref[3] - 1))
}

cat("# 3. references without a SAS listing\n")
for (s in c("cs", "csh", "ar1", "ar1h", "toeph", "adh")) {
  ft <- fit(s, XA, TRUE)
  b <- beta_of(ft, XA)
  k <- kr(ft, list(c(0, 1)))[[1]]
  show_fit(paste0("kr_group_", s), ft)
  cat(sprintf("contrast TRT est %.10f se %.10f df %.6f\n", b[2], k[["se"]], k[["df"]]))
}
XF <- model.matrix(~ ARMCD * AVISIT + RACE + SEX, fev)
Lv <- lapply(levels(fev$AVISIT), function(v) {
  l <- setNames(numeric(ncol(XF)), colnames(XF)); l["ARMCDTRT"] <- 1
  if (v != "VIS1") l[paste0("ARMCDTRT:AVISIT", v)] <- 1
  l
})
for (case in list(c("toep", FALSE), c("toep", TRUE), c("cs", TRUE), c("ar1h", TRUE), c("adh", TRUE),
    c("un", TRUE))) {
  s <- case[1]; byArm <- as.logical(case[2])
  ft <- fit(s, XF, byArm)
  b <- beta_of(ft, XF)
  ks <- kr(ft, Lv)
  show_fit(paste0("fev_", s, if (byArm) "_by_arm" else ""), ft)
  for (i in seq_along(Lv))
    cat(sprintf("contrast TRT %s est %.10f se %.10f df %.6f\n", levels(fev$AVISIT)[i], sum(Lv[[i]] * b),
      ks[[i]][["se"]], ks[[i]][["df"]]))
}
