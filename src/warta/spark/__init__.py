"""Batch processing on Spark: WARC files in, Parquet datasets out (see ``warta.spark.job``)."""
