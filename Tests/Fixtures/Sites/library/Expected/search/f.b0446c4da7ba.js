var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};SITEGEN_SEARCH.facets["b0446c4da7ba"]=[[0],[1,1]];
