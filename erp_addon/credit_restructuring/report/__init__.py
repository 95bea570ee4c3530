from . import credit_restructuring_adherence
