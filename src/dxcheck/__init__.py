"""dxcheck: plan-compliance checker for Japanese municipal DX plans (自治体DX推進計画)."""

__version__ = "0.1.0"
