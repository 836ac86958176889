# R 4.2.2, numDeriv 2016.8-1.1 (run: Rscript kr_sas_path.R > kr_sas_path.out)
# Does the KR recipe of kr_direct.R (W = 2 solve(observed Hessian of -2 l_R in the sigma elements),
# Phi_A = Phi - sum W_ij d2Phi, df from the unadjusted Phi) reproduce SAS PROC MIXED DDFM=KR to all
# its digits when evaluated where SAS stops? SAS output: openpharma/mmrm design/ddfm_covtype/kr_us.txt
# and kr_us.csv, model FEV1 = ARMCD, REPEATED AVISIT / SUBJECT=USUBJID TYPE=UN, DDFM=KR:
#   iteration history 3668.64862630, 3667.97607884, 3667.96276376;
#   TRT - PBO estimate 3.81972492174648, SE 0.66124382270307, DF 160.733266403768.
# SAS's path is emulated with dense algebra: MIVQUE0 start (Rao 1971), then Newton-Raphson on the ten
# UN elements with the observed Hessian (numDeriv) until g' H^-1 g / (-2 l_R without constant) < 1e-8.
suppressMessages({library(numDeriv)})
options(digits = 15)
fev <- read.csv("../../../../../../shared/oracles/mmrm_fev/fev_data.csv"); fev <- fev[!is.na(fev$FEV1), ]
fev$ARMCD <- factor(fev$ARMCD, levels = c("PBO", "TRT")); fev$AVISIT <- factor(fev$AVISIT)
X <- model.matrix(~ ARMCD, fev); y <- fev$FEV1; n <- nrow(X); p <- ncol(X)
Tn <- 4; vi <- as.integer(fev$AVISIT); ids <- split(seq_len(n), fev$USUBJID)
low <- which(lower.tri(diag(Tn), diag = TRUE), arr.ind = TRUE); low <- low[order(low[, 1], low[, 2]), ]
q <- nrow(low)
SigS <- function(s) { S <- matrix(0, Tn, Tn); S[low] <- s; S[low[, 2:1]] <- s; S }
pieces <- function(S, resid = TRUE) {
  XVX <- matrix(0, p, p); XVy <- numeric(p); ld <- 0
  for (ix in ids) { v <- vi[ix]; Si <- solve(S[v, v, drop = FALSE]); ld <- ld + determinant(S[v, v, drop = FALSE])$modulus
    XVX <- XVX + t(X[ix, , drop = FALSE]) %*% Si %*% X[ix, , drop = FALSE]
    XVy <- XVy + t(X[ix, , drop = FALSE]) %*% Si %*% y[ix] }
  C <- solve(XVX); b <- C %*% XVy; rr <- 0
  if (resid) for (ix in ids) { v <- vi[ix]; r <- y[ix] - X[ix, , drop = FALSE] %*% b; rr <- rr + t(r) %*% solve(S[v, v, drop = FALSE], r) }
  list(f = as.numeric((n - p) * log(2 * pi) + ld + determinant(XVX)$modulus + rr), C = C, b = b)
}
fS <- function(s) pieces(SigS(s))$f
const <- (n - p) * log(2 * pi)
# MIVQUE0: sum_l tr(M V_k M V_l) s_l = r' V_k r, M = I - X (X'X)^-1 X', r = M y
M <- diag(n) - X %*% solve(crossprod(X), t(X)); r <- M %*% y
same <- outer(fev$USUBJID, fev$USUBJID, "==")
Vk <- lapply(seq_len(q), function(k) { a <- low[k, 1]; b <- low[k, 2]
  (same & ((outer(vi, vi, function(u, w) u == a & w == b)) | (outer(vi, vi, function(u, w) u == b & w == a)))) * 1 })
MV <- lapply(Vk, function(V) M %*% V)
Fm <- matrix(0, q, q); for (k in 1:q) for (l in 1:q) Fm[k, l] <- sum(MV[[k]] * t(MV[[l]]))
s <- solve(Fm, sapply(Vk, function(V) as.numeric(t(r) %*% V %*% r)))
cat("MIVQUE0 -2 l_R ", format(fS(s), digits = 15), "\n")
for (it in 1:50) {
  H <- hessian(fS, s); s <- s - solve(H, grad(fS, s))
  g <- grad(fS, s); H <- hessian(fS, s); crit <- as.numeric(t(g) %*% solve(H, g)) / abs(fS(s) - const)
  cat(sprintf("iteration %d  -2 l_R %.8f  criterion %.3e\n", it, fS(s), crit))
  if (crit < 1e-8) break
}
W <- 2 * solve(hessian(fS, s)); pc <- pieces(SigS(s))
Lv <- c(0, 1); v <- as.numeric(t(Lv) %*% pc$C %*% Lv)
lcl <- function(t) as.numeric(t(Lv) %*% pieces(SigS(t), resid = FALSE)$C %*% Lv)
g <- grad(lcl, s); h2 <- hessian(lcl, s)
cat("sigma ", format(s, digits = 12), "\n")
cat(sprintf("TRT-PBO est %.12f  se %.12f  se_KR %.12f  df %.9f\n", sum(Lv * pc$b), sqrt(v), sqrt(v - sum(W * h2)),
            2 * v^2 / as.numeric(t(g) %*% W %*% g)))
